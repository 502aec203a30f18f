/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */


package dev.sandboxes.koyeb.emulator.controlplane;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Handles {@code GET /v1/organizations/{organization_id}/quotas}. The emulator has one
 * organization, so every organization id gets its quotas.
 */
final class QuotasHandler {

	private final Representations representations;

	private final JsonReplies replies;

	QuotasHandler(Representations representations, JsonReplies replies) {
		this.representations = representations;
		this.replies = replies;
	}

	Mono<ServerResponse> get(ServerRequest request) {
		return this.replies.entity("quotas", (now) -> this.representations.quotas());
	}

}

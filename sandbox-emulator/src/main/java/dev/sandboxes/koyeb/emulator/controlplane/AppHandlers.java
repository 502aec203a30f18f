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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Handles {@code /v1/apps}. A deleted app stays readable with status {@code DELETED}; the list
 * shows the live apps.
 */
final class AppHandlers {

	private final RequestBodies bodies;

	private final RequestValidator validator;

	private final AppLifecycle apps;

	private final ControlPlaneState state;

	private final Representations representations;

	private final JsonReplies replies;

	AppHandlers(RequestBodies bodies, RequestValidator validator, AppLifecycle apps, ControlPlaneState state,
			Representations representations, JsonReplies replies) {
		this.bodies = bodies;
		this.validator = validator;
		this.apps = apps;
		this.state = state;
		this.representations = representations;
		this.replies = replies;
	}

	Mono<ServerResponse> create(ServerRequest request) {
		return this.bodies.read(request)
			.map((body) -> this.apps.create(this.validator.createApp(body)))
			.flatMap(this::reply);
	}

	Mono<ServerResponse> list(ServerRequest request) {
		return Mono.defer(() -> {
			AppListQuery query = this.validator.appListQuery(request.queryParams());
			return this.replies.render((now) -> page(query));
		});
	}

	Mono<ServerResponse> get(ServerRequest request) {
		return reply(request.pathVariable("id"));
	}

	Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable("id");
		return Offload.run(() -> this.apps.delete(id, DeletionReason.API)).then(this.replies.empty());
	}

	private JsonNode page(AppListQuery query) {
		List<AppRecord> matching = new ArrayList<>(this.state.apps().stream().filter(query::matches).toList());
		Collections.reverse(matching);
		List<AppRecord> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
		return this.representations.appPage(page, query, matching.size());
	}

	private Mono<ServerResponse> reply(String id) {
		return this.replies.entity("app", (now) -> this.representations.app(this.state.app(id)));
	}

}

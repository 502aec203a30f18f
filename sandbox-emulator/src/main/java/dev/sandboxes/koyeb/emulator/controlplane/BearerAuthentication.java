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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Requires {@code Authorization: Bearer <token>} on every request: any non-empty token, or only
 * the configured one, compared in constant time. Refusals never quote the token.
 */
final class BearerAuthentication implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final String SCHEME = "Bearer ";

	private final byte @Nullable [] expected;

	BearerAuthentication(@Nullable String apiToken) {
		this.expected = (apiToken != null) ? apiToken.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
				|| header.substring(SCHEME.length()).isBlank()) {
			return Mono.error(ApiException
				.unauthenticated("Missing bearer token: send the header 'Authorization: Bearer <api token>'"));
		}
		byte[] presented = header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
		if (this.expected != null && !MessageDigest.isEqual(this.expected, presented)) {
			return Mono.error(ApiException.unauthenticated("Invalid API token"));
		}
		return next.handle(request);
	}

}

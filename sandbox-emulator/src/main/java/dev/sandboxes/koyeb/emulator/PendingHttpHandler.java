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


package dev.sandboxes.koyeb.emulator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The handler of a server that listens before its routes are ready: it answers
 * {@code 503 Service Unavailable} until they are {@linkplain #install installed}. The
 * emulator's address is only given out once they are, so only a client that guessed a fixed
 * port can meet the 503.
 */
final class PendingHttpHandler implements HttpHandler {

	private volatile @Nullable HttpHandler handler;

	/**
	 * Hand every later request to the given handler.
	 * @param handler the routes
	 */
	void install(HttpHandler handler) {
		this.handler = handler;
	}

	@Override
	public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		HttpHandler installed = this.handler;
		if (installed != null) {
			return installed.handle(request, response);
		}
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		return response.setComplete();
	}

}

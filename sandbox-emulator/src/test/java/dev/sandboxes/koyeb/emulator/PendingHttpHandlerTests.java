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

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PendingHttpHandler}, over HTTP.
 */
class PendingHttpHandlerTests {

	@Test
	void answersServiceUnavailableUntilTheRoutesAreInstalledThenHandsThemEveryRequest() {
		PendingHttpHandler handler = new PendingHttpHandler();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.handle(new ReactorHttpHandlerAdapter(handler))
			.bindNow(Duration.ofSeconds(10));
		try {
			WebClient client = WebClient.create("http://127.0.0.1:" + server.port());
			assertThat(status(client)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			handler.install((request, response) -> {
				response.setStatusCode(HttpStatus.NO_CONTENT);
				return response.setComplete();
			});
			assertThat(status(client)).isEqualTo(HttpStatus.NO_CONTENT);
		}
		finally {
			server.disposeNow(Duration.ofSeconds(10));
		}
	}

	private static HttpStatus status(WebClient client) {
		ResponseEntity<Void> entity = client.get()
			.uri("/v1/apps")
			.exchangeToMono((response) -> response.toBodilessEntity())
			.block(Duration.ofSeconds(10));
		assertThat(entity).isNotNull();
		return HttpStatus.valueOf(entity.getStatusCode().value());
	}

}

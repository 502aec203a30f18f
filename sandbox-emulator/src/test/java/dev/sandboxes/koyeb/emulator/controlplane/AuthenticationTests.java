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

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests {

	private final MutableClock clock = new MutableClock();

	private final RecordingRuntime runtime = new RecordingRuntime();

	@Test
	void missingTokenIsUnauthenticated() {
		try (ControlPlane controlPlane = new ControlPlane(TestApi.settings(this.clock), this.runtime)) {
			TestApi.Reply reply = new TestApi(controlPlane).exchange(HttpMethod.GET, "/v1/services", null, null);
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.body()).isEqualTo("{\"status\":401,\"code\":\"unauthenticated\",\"message\":"
					+ "\"Missing bearer token: send the header 'Authorization: Bearer <api token>'\"}");
			assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
		}
	}

	@Test
	void otherSchemeIsUnauthenticated() {
		try (ControlPlane controlPlane = new ControlPlane(TestApi.settings(this.clock), this.runtime)) {
			WebTestClient client = WebTestClient.bindToRouterFunction(controlPlane.routes()).build();
			client.get()
				.uri("/v1/services")
				.header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")
				.exchange()
				.expectStatus()
				.isUnauthorized();
			client.get()
				.uri("/v1/services")
				.header(HttpHeaders.AUTHORIZATION, "Bearer ")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void anyTokenIsAcceptedWhenNoneIsConfigured() {
		try (ControlPlane controlPlane = new ControlPlane(TestApi.settings(this.clock), this.runtime)) {
			TestApi api = new TestApi(controlPlane);
			assertThat(api.exchange(HttpMethod.GET, "/v1/services", null, "whatever").status()).isEqualTo(200);
			assertThat(api.exchange(HttpMethod.GET, "/v1/services", null, "another").status()).isEqualTo(200);
		}
	}

	@Test
	void onlyTheConfiguredTokenIsAccepted() {
		try (ControlPlane controlPlane = new ControlPlane(TestApi.settings(this.clock).withApiToken(TestApi.TOKEN),
				this.runtime)) {
			TestApi api = new TestApi(controlPlane);
			TestApi.Reply wrong = api.exchange(HttpMethod.POST, "/v1/apps", "{\"name\": \"my-app\"}",
					"stolen-token-42");
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.body())
				.isEqualTo("{\"status\":401,\"code\":\"unauthenticated\",\"message\":\"Invalid API token\"}");
			assertThat(controlPlane.apps()).isEmpty();
			assertThat(api.post("/v1/apps", "{\"name\": \"my-app\"}").status()).isEqualTo(200);
			assertThat(api.exchange(HttpMethod.GET, "/v1/nothing-here", null, "stolen-token-42").status())
				.isEqualTo(401);
		}
	}

}

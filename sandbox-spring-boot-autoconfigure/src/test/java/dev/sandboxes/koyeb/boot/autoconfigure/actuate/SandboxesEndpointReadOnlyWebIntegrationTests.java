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
package dev.sandboxes.koyeb.boot.autoconfigure.actuate;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxesEndpoint} over HTTP with read-only access: sandboxes are
 * listed, never deleted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "koyeb.sandbox.emulator.runtime=plain", "spring.application.name=endpoint-test",
				"management.endpoints.web.exposure.include=sandboxes",
				"management.endpoint.sandboxes.access=read-only" })
class SandboxesEndpointReadOnlyWebIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxTemplate template;

	@Test
	void listsButDoesNotDeleteSandboxes() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/actuator/sandboxes")
			.build();
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("read-only").build());
		try {
			client.get()
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.sandboxes[0].id")
				.isEqualTo(sandbox.id());
			client.delete()
				.uri("/" + sandbox.id())
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
			assertThat(this.template.get(sandbox.id()).info().status()).isEqualTo("HEALTHY");
		}
		finally {
			sandbox.delete();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

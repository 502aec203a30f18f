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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxesEndpoint} and {@link SandboxesEndpointWebExtension} over HTTP,
 * in a WebFlux application whose sandboxes run on the embedded emulator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "koyeb.sandbox.emulator.runtime=plain", "spring.application.name=endpoint-test",
				"management.endpoints.web.exposure.include=sandboxes" })
class SandboxesEndpointWebIntegrationTests {

	private static final String OTHER_OWNER = "endpoint-test-other";

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	private final List<Created> created = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxTemplate template;

	@Autowired
	private KoyebEmulator emulator;

	@Autowired
	private SandboxConnectionDetails connectionDetails;

	private WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/actuator/sandboxes")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void deleteSandboxes() {
		for (Created sandbox : this.created) {
			try {
				sandbox.template().delete(sandbox.id());
			}
			catch (SandboxNotFoundException ex) {
				// Already deleted by the test
			}
		}
	}

	@Test
	void listsTheSandboxesOfTheApplicationsOwner() {
		Sandbox sandbox = create(this.template, "listed");
		JsonContent<Object> body = this.json.from(exchange(HttpMethod.GET, "", HttpStatus.OK));
		assertThat(body).extractingJsonPathStringValue("$.owner").isEqualTo("endpoint-test");
		assertThat(body).extractingJsonPathArrayValue("$.sandboxes").hasSize(1);
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].id").isEqualTo(sandbox.id());
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].name")
			.startsWith("endpoint-test--")
			.isEqualTo(sandbox.name());
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].status").isEqualTo("HEALTHY");
		assertThat(body).extractingJsonPathBooleanValue("$.sandboxes[0].createdHere").isTrue();
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].createdAt")
			.satisfies((createdAt) -> assertThat(Instant.parse(createdAt)).isBefore(Instant.now().plusSeconds(1)));
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].age")
			.satisfies((age) -> assertThat(Duration.parse(age)).isBetween(Duration.ZERO, Duration.ofMinutes(5)));
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].idle")
			.satisfies((idle) -> assertThat(Duration.parse(idle)).isBetween(Duration.ZERO, Duration.ofMinutes(5)));
		assertThat(body).extractingJsonPathStringValue("$.sandboxes[0].remainingLifetime")
			.satisfies((remaining) -> assertThat(Duration.parse(remaining)).isBetween(Duration.ofMinutes(55),
					Duration.ofHours(1)));
	}

	@Test
	void readsOneSandboxOfTheApplicationsOwner() {
		Sandbox sandbox = create(this.template, "read");
		JsonContent<Object> body = this.json.from(exchange(HttpMethod.GET, "/" + sandbox.id(), HttpStatus.OK));
		assertThat(body).extractingJsonPathStringValue("$.id").isEqualTo(sandbox.id());
		assertThat(body).extractingJsonPathStringValue("$.name").isEqualTo(sandbox.name());
		assertThat(body).extractingJsonPathStringValue("$.status").isEqualTo("HEALTHY");
		assertThat(body).extractingJsonPathBooleanValue("$.createdHere").isTrue();
		assertThat(body).extractingJsonPathStringValue("$.remainingLifetime")
			.satisfies((remaining) -> assertThat(Duration.parse(remaining)).isBetween(Duration.ofMinutes(55),
					Duration.ofHours(1)));
	}

	@Test
	void answersNotFoundForAnUnknownSandbox() {
		exchange(HttpMethod.GET, "/unknown-sandbox-id", HttpStatus.NOT_FOUND);
		exchange(HttpMethod.DELETE, "/unknown-sandbox-id", HttpStatus.NOT_FOUND);
	}

	@Test
	void deletesASandboxOfTheApplicationsOwner() {
		Sandbox sandbox = create(this.template, "deleted");
		exchange(HttpMethod.DELETE, "/" + sandbox.id(), HttpStatus.NO_CONTENT);
		assertThat(this.emulator.services()).filteredOn((service) -> service.id().equals(sandbox.id()))
			.allSatisfy((service) -> assertThat(service.status()).isIn("DELETING", "DELETED"));
		exchange(HttpMethod.GET, "/" + sandbox.id(), HttpStatus.NOT_FOUND);
		exchange(HttpMethod.DELETE, "/" + sandbox.id(), HttpStatus.NOT_FOUND);
		JsonContent<Object> body = this.json.from(exchange(HttpMethod.GET, "", HttpStatus.OK));
		assertThat(body).extractingJsonPathArrayValue("$.sandboxes").isEmpty();
	}

	@Test
	void neitherListsNorReadsNorDeletesASandboxOfAnotherOwner() {
		SandboxTemplate otherTemplate = SandboxTemplate.builder()
			.apiToken(this.connectionDetails.getApiToken())
			.baseUrl(this.connectionDetails.getBaseUrl())
			.clock(this.connectionDetails.getClock())
			.owner(SandboxOwner.of(OTHER_OWNER))
			.build();
		Sandbox other = create(otherTemplate, "foreign");
		assertThat(other.name()).startsWith(OTHER_OWNER + "--");
		JsonContent<Object> body = this.json.from(exchange(HttpMethod.GET, "", HttpStatus.OK));
		assertThat(body).extractingJsonPathStringValue("$.owner").isEqualTo("endpoint-test");
		assertThat(body).extractingJsonPathArrayValue("$.sandboxes").isEmpty();
		exchange(HttpMethod.GET, "/" + other.id(), HttpStatus.NOT_FOUND);
		exchange(HttpMethod.DELETE, "/" + other.id(), HttpStatus.NOT_FOUND);
		assertThat(service(other.id()).status()).isEqualTo("HEALTHY");
		assertThat(otherTemplate.get(other.id()).info().status()).isEqualTo("HEALTHY");
	}

	private Sandbox create(SandboxTemplate template, String name) {
		Sandbox sandbox = template.create(SandboxSpec.builder().name(name).build());
		this.created.add(new Created(template, sandbox.id()));
		return sandbox;
	}

	private ServiceView service(String id) {
		return this.emulator.services()
			.stream()
			.filter((service) -> service.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private String exchange(HttpMethod method, String path, HttpStatus expectedStatus) {
		byte[] body = this.client.method(method)
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(expectedStatus)
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		String content = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		assertThat(content).doesNotContain(this.connectionDetails.getApiToken())
			.doesNotContain(SandboxSpec.SECRET_ENV_KEY);
		return content;
	}

	private record Created(SandboxOperations template, String id) {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

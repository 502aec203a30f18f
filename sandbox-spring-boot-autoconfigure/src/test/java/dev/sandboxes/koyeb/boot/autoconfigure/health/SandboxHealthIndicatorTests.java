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
package dev.sandboxes.koyeb.boot.autoconfigure.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.ReactiveSandboxTemplate;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTemplateBuilder;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxInventory;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import dev.sandboxes.koyeb.transport.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxHealthIndicator}, over real HTTP against an embedded emulator
 * and a mock Koyeb API.
 */
class SandboxHealthIndicatorTests {

	private static final String RIGHT_TOKEN = "right-token";

	private static final String WRONG_TOKEN = "wrong-token";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private static final RetryPolicy ONE_RETRY = new RetryPolicy(1, Duration.ofMillis(50), Duration.ofMillis(100), 0);

	private final List<Sandbox> sandboxes = new ArrayList<>();

	private final List<AutoCloseable> servers = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		for (Sandbox sandbox : this.sandboxes) {
			sandbox.delete();
		}
		for (AutoCloseable server : this.servers) {
			server.close();
		}
	}

	@Test
	void healthIsUpWithTheNumberOfTheOwnersSandboxesWhenTheEndpointAnswers() {
		KoyebEmulator emulator = startEmulator();
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(emulator.baseUrl(), RIGHT_TOKEN).owner(inventory.owner())
			.listener(inventory)
			.buildReactive();
		this.sandboxes.add(new SandboxTemplate(template).create(SandboxSpec.builder().name("probe").build()));
		SandboxTemplate otherOwner = templateBuilder(emulator.baseUrl(), RIGHT_TOKEN)
			.owner(SandboxOwner.of("other-app"))
			.build();
		this.sandboxes.add(otherOwner.create(SandboxSpec.builder().name("probe").build()));
		Health health = indicator(template, inventory, connectionDetails(emulator.baseUrl(), RIGHT_TOKEN, true))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("endpoint", "emulator")
			.containsEntry("baseUrl", emulator.baseUrl())
			.containsEntry("owner", "health-test")
			.containsEntry("sandboxes", 1)
			.doesNotContainKey("reason");
		assertThat(inventory.activeCount()).isOne();
	}

	@Test
	void healthIsDownWithoutTheTokenWhenTheEndpointRejectsIt() {
		KoyebEmulator emulator = startEmulator();
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(emulator.baseUrl(), WRONG_TOKEN).owner(inventory.owner())
			.buildReactive();
		Health health = indicator(template, inventory, connectionDetails(emulator.baseUrl(), WRONG_TOKEN, true))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", "emulator")
			.containsEntry("baseUrl", emulator.baseUrl())
			.containsEntry("reason",
					"The Koyeb emulator at " + emulator.baseUrl() + " rejected the API token (HTTP 401)")
			.doesNotContainKey("sandboxes");
		assertHasNoToken(health, WRONG_TOKEN, RIGHT_TOKEN);
	}

	@Test
	void healthIsDownWhenTheEndpointIsUnreachable() {
		KoyebEmulator emulator = startEmulator();
		String baseUrl = emulator.baseUrl();
		emulator.close();
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(baseUrl, RIGHT_TOKEN).owner(inventory.owner())
			.buildReactive();
		Health health = indicator(template, inventory, connectionDetails(baseUrl, RIGHT_TOKEN, true)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", "emulator").containsEntry("baseUrl", baseUrl);
		assertThat(health.getDetails().get("reason")).asString()
			.startsWith("The Koyeb emulator at " + baseUrl + " is unreachable: ")
			.contains("GET /v1/services");
		assertHasNoToken(health, RIGHT_TOKEN);
	}

	@Test
	void healthIsDownWhenKoyebDeniesAccess() throws Exception {
		MockWebServer koyeb = startMockKoyeb();
		koyeb.enqueue(new MockResponse.Builder().code(403)
			.setHeader("Content-Type", "application/json")
			.body("{\"status\":403,\"code\":\"forbidden\",\"message\":\"Forbidden\"}")
			.build());
		String baseUrl = koyeb.url("/").toString();
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(baseUrl, RIGHT_TOKEN).owner(inventory.owner())
			.buildReactive();
		Health health = indicator(template, inventory, connectionDetails(baseUrl, RIGHT_TOKEN, false)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", "koyeb")
			.containsEntry("baseUrl", baseUrl)
			.containsEntry("reason", "Koyeb at " + baseUrl + " rejected the API token (HTTP 403)");
		assertHasNoToken(health, RIGHT_TOKEN);
		assertThat(koyeb.getRequestCount()).isOne();
	}

	@Test
	void healthIsDownWhenKoyebKeepsFailing() throws Exception {
		MockWebServer koyeb = startMockKoyeb();
		for (int i = 0; i < 2; i++) {
			koyeb.enqueue(new MockResponse.Builder().code(503).body("try later").build());
		}
		String baseUrl = koyeb.url("/").toString();
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(baseUrl, RIGHT_TOKEN).owner(inventory.owner())
			.buildReactive();
		Health health = indicator(template, inventory, connectionDetails(baseUrl, RIGHT_TOKEN, false)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", "koyeb");
		assertThat(health.getDetails().get("reason")).asString()
			.startsWith("Koyeb at " + baseUrl + " could not list sandboxes: ")
			.contains("HTTP 503");
		assertHasNoToken(health, RIGHT_TOKEN);
	}

	@Test
	void healthIsDownWhenKoyebDoesNotAnswerInTime() throws Exception {
		MockWebServer koyeb = startMockKoyeb();
		for (int i = 0; i < 2; i++) {
			koyeb.enqueue(new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.body("{\"services\":[],\"has_next\":false}")
				.headersDelay(REQUEST_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)
				.build());
		}
		String baseUrl = koyeb.url("/").toString();
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(baseUrl, RIGHT_TOKEN).owner(inventory.owner())
			.buildReactive();
		Health health = indicator(template, inventory, connectionDetails(baseUrl, RIGHT_TOKEN, false)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason")).asString()
			.startsWith("Koyeb at " + baseUrl + " is unreachable: ");
	}

	@Test
	void baseUrlDetailHasNoUserInformation() throws Exception {
		MockWebServer koyeb = startMockKoyeb();
		koyeb.enqueue(new MockResponse.Builder().code(401).build());
		URI url = koyeb.url("/").uri();
		String withUser = url.getScheme() + "://user:secret-password@" + url.getHost() + ":" + url.getPort() + "/";
		SandboxInventory inventory = new SandboxInventory(SandboxOwner.of("health-test"), Clock.systemUTC());
		ReactiveSandboxTemplate template = templateBuilder(url.toString(), RIGHT_TOKEN).owner(inventory.owner())
			.buildReactive();
		Health health = indicator(template, inventory, connectionDetails(withUser, RIGHT_TOKEN, false)).health();
		assertThat(health.getDetails()).containsEntry("baseUrl", url.toString());
		assertHasNoToken(health, RIGHT_TOKEN, "secret-password");
	}

	private KoyebEmulator startEmulator() {
		KoyebEmulator emulator = KoyebEmulator.builder().apiToken(RIGHT_TOKEN).runtime(RuntimeMode.PLAIN).start();
		this.servers.add(emulator);
		return emulator;
	}

	private MockWebServer startMockKoyeb() throws Exception {
		MockWebServer server = new MockWebServer();
		this.servers.add(server);
		server.start();
		return server;
	}

	private static SandboxTemplateBuilder templateBuilder(String baseUrl, String apiToken) {
		return SandboxTemplate.builder()
			.baseUrl(baseUrl)
			.apiToken(apiToken)
			.requestTimeout(REQUEST_TIMEOUT)
			.retryPolicy(ONE_RETRY);
	}

	private static SandboxHealthIndicator indicator(ReactiveSandboxTemplate template, SandboxInventory inventory,
			SandboxConnectionDetails connectionDetails) {
		OwnedSandboxes sandboxes = new OwnedSandboxes(template, inventory, REQUEST_TIMEOUT.multipliedBy(4));
		return new SandboxHealthIndicator(sandboxes, connectionDetails);
	}

	private static SandboxConnectionDetails connectionDetails(String baseUrl, String apiToken, boolean emulator) {
		return new SandboxConnectionDetails() {

			@Override
			public URI getBaseUrl() {
				return URI.create(baseUrl);
			}

			@Override
			public String getApiToken() {
				return apiToken;
			}

			@Override
			public boolean isEmulator() {
				return emulator;
			}

		};
	}

	private static void assertHasNoToken(Health health, String... secrets) {
		for (String secret : secrets) {
			assertThat(health.toString()).doesNotContain(secret);
			assertThat(health.getDetails().values())
				.allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(secret));
		}
	}

}

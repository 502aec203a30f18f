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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official SDKs' flows, as the wire contract describes them, sent as plain HTTP requests:
 * what any Koyeb SDK pointed at the emulator does.
 */
class KoyebProtocolTests {

	private static final String PLACEHOLDER_APP_ID = "74140198-4d29-4a1e-bdc9-5cc2b355ccd0";

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator
		.configured((builder) -> builder.deploymentStepDelay(Duration.ofMillis(50)));

	private static RawHttp http;

	@BeforeAll
	static void start() {
		http = new RawHttp(emulator.baseUrl());
	}


	@Test
	void sdkCreateWaitRunAndDeleteFlow() {
		String secret = "s3cr3t-for-the-protocol-test";
		Map<String, Object> definition = definition("proto", secret);
		RawHttp.Reply dryRun = http.api("POST", "/v1/services?dry_run=true",
				Map.of("app_id", PLACEHOLDER_APP_ID, "definition", definition));
		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(emulator.get().services()).noneMatch((service) -> service.name().equals("proto"));

		RawHttp.Reply app = http.api("POST", "/v1/apps",
				Map.of("name", "sandbox-app-proto-1790000000", "life_cycle", Map.of("delete_when_empty", true)));
		assertThat(app.status()).isEqualTo(200);
		String appId = app.json().at("/app/id").asString();

		RawHttp.Reply created = http.api("POST", "/v1/services", Map.of("app_id", appId, "definition", definition,
				"life_cycle", Map.of("delete_after_create", 600, "delete_after_sleep", 0)));
		assertThat(created.status()).isEqualTo(200);
		JsonNode service = created.json().get("service");
		String serviceId = service.get("id").asString();
		assertThat(service.get("status").asString()).isEqualTo("STARTING");
		assertThat(service.at("/life_cycle/delete_after_create").asLong()).isEqualTo(600);

		String deploymentId = http.api("GET", "/v1/services/" + serviceId, null)
			.json()
			.at("/service/latest_deployment_id")
			.asString();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
				http.api("GET", "/v1/deployments/" + deploymentId, null).json().at("/deployment/status").asString())
			.isEqualTo("HEALTHY"));
		JsonNode deployment = http.api("GET", "/v1/deployments/" + deploymentId, null).json().get("deployment");
		assertThat(deployment.at("/definition/env")).anySatisfy((env) -> {
			assertThat(env.get("key").asString()).isEqualTo("SANDBOX_SECRET");
			assertThat(env.get("value").asString()).isEqualTo(secret);
		});
		String publicUrl = deployment.at("/metadata/sandbox/public_url").asString();
		String routingKey = deployment.at("/metadata/sandbox/routing_key").asString();
		assertThat(publicUrl).isEqualTo(emulator.baseUrl());
		assertThat(http.api("GET", "/v1/services/" + serviceId, null).json().at("/service/status").asString())
			.isEqualTo("HEALTHY");

		RawHttp executor = new RawHttp(publicUrl + "/koyeb-sandbox");
		RawHttp.Reply health = executor.send("GET", "/health", null, Map.of("X-Routing-Key", routingKey));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
		Map<String, String> headers = Map.of("X-Routing-Key", routingKey, "Authorization", "Bearer " + secret,
				"Content-Type", "application/json");
		RawHttp.Reply run = executor.send("POST", "/run", "{\"cmd\":\"echo hello from $SANDBOX_SECRET\"}", headers);
		assertThat(run.body()).isEqualTo("{\"stdout\":\"hello from " + secret + "\\n\",\"stderr\":\"\",\"code\":0}\n");
		assertThat(executor.send("POST", "/write_file", "{\"path\":\"/tmp/a.txt\",\"content\":\"x<y\"}", headers)
			.body()).isEqualTo("{\"success\":true}\n");
		assertThat(executor.send("POST", "/read_file", "{\"path\":\"/tmp/a.txt\"}", headers).body())
			.isEqualTo("{\"content\":\"x\\u003cy\"}\n");
		RawHttp.Reply wrongSecret = executor.send("POST", "/run", "{\"cmd\":\"true\"}",
				Map.of("X-Routing-Key", routingKey, "Authorization", "Bearer nope"));
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.body()).isEqualTo("Unauthorized\n");

		assertThat(http.api("DELETE", "/v1/apps/" + appId, null).body()).isEqualTo("{}");
		await().untilAsserted(() -> assertThat(
				http.api("GET", "/v1/services/" + serviceId, null).json().at("/service/status").asString())
			.isEqualTo("DELETED"));
		assertThat(executor.send("GET", "/health", null, Map.of("X-Routing-Key", routingKey)).status())
			.isEqualTo(404);
	}

	@Test
	void listFiltersByTypeNameAndPagesWithStringLimits() {
		String appId = http
			.api("POST", "/v1/apps", Map.of("name", "sandbox-app-listing", "life_cycle", Map.of("delete_when_empty", true)))
			.json()
			.at("/app/id")
			.asString();
		for (String name : List.of("list-a", "list-b", "list-c")) {
			assertThat(http.api("POST", "/v1/services", Map.of("app_id", appId, "definition", definition(name, "k")))
				.status()).isEqualTo(200);
		}
		JsonNode page = http.api("GET", "/v1/services?types=SANDBOX&app_id=" + appId + "&limit=2&offset=0", null).json();
		assertThat(page.get("services")).hasSize(2);
		assertThat(page.get("has_next").asBoolean()).isTrue();
		JsonNode rest = http.api("GET", "/v1/services?types=SANDBOX&app_id=" + appId + "&limit=2&offset=2", null).json();
		assertThat(rest.get("services")).hasSize(1);
		assertThat(rest.get("has_next").asBoolean()).isFalse();
		JsonNode byName = http.api("GET", "/v1/services?types=SANDBOX&name=list-b", null).json();
		assertThat(byName.get("services")).singleElement()
			.satisfies((item) -> assertThat(item.get("name").asString()).isEqualTo("list-b"));
		http.api("DELETE", "/v1/apps/" + appId, null);
	}

	@Test
	void lifecycleOutOfRangeNamesTheField() {
		RawHttp.Reply reply = http.api("POST", "/v1/services?dry_run=true", Map.of("app_id", PLACEHOLDER_APP_ID,
				"definition", definition("too-long", "k"), "life_cycle", Map.of("delete_after_create", 90000)));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("fields")).anySatisfy(
				(field) -> assertThat(field.get("field").asString()).isEqualTo("life_cycle.delete_after_create"));
	}

	@Test
	void missingBearerTokenIsRefusedInKoyebsErrorShape() {
		RawHttp.Reply reply = http.send("GET", "/v1/services", null, Map.of());
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().get("status").asInt()).isEqualTo(401);
		assertThat(reply.json().has("code")).isTrue();
		assertThat(reply.json().has("message")).isTrue();
	}

	static Map<String, Object> definition(String name, String secret) {
		return Map.of("name", name, "type", "SANDBOX", "docker", Map.of("image", "koyeb/sandbox", "privileged", false),
				"env", List.of(Map.of("key", "SANDBOX_SECRET", "value", secret)), "ports",
				List.of(Map.of("port", 3030, "protocol", "http"), Map.of("port", 3031, "protocol", "http")), "routes",
				List.of(Map.of("port", 3030, "path", "/koyeb-sandbox/"), Map.of("port", 3031, "path", "/")),
				"instance_types", List.of(Map.of("type", "micro")), "regions", List.of("na"), "scalings",
				List.of(Map.of("min", 0, "max", 1, "targets",
						List.of(Map.of("sleep_idle_delay", Map.of("deep_sleep_value", 300))))),
				"mesh", "DEPLOYMENT_MESH_AUTO");
	}

}

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.emulator.executor.ExecutorTarget;
import dev.sandboxes.koyeb.emulator.runtime.SandboxDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceApiTests {

	private static final ServiceLifeCycle NO_LIFE_CYCLE = new ServiceLifeCycle(0L, 0L);

	private static final SandboxSpec ALWAYS_ON = SandboxSpec.builder().idleTimeout(Duration.ZERO).build();

	@RegisterExtension
	final ControlPlaneFixture fixture = new ControlPlaneFixture();

	@Test
	void dryRunValidatesWithoutSideEffect() {
		String body = TestApi.sandboxBody(KoyebApi.DRY_RUN_APP_ID, "my-sandbox", SandboxSpec.builder().build(),
				NO_LIFE_CYCLE);
		TestApi.Reply reply = this.fixture.api().post("/v1/services?dry_run=true", body);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("{}");
		assertThat(this.fixture.runtime().sandboxes()).isEmpty();
		assertThat(this.fixture.controlPlane().services()).isEmpty();
		assertThat(this.fixture.controlPlane().apps()).isEmpty();
		TestApi.Reply invalid = this.fixture.api().post("/v1/services?dry_run=true",
				body.replace("\"regions\":[\"na\"]", "\"regions\":[\"mars\"]"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text("/fields/0/field")).isEqualTo("definition.regions");
	}

	@Test
	void createServiceAsTheClientSendsIt() {
		String appId = this.fixture.api().createApp("sandbox-app-my-sandbox-1767225600", true);
		SandboxSpec spec = SandboxSpec.builder().env("CI", "true").build();
		String body = TestApi.sandboxBody(appId, "my-sandbox", spec, new ServiceLifeCycle(300L, 600L));
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body);
		assertThat(reply.status()).isEqualTo(200);
		JsonNode service = reply.json().path("service");
		String serviceId = service.path("id").stringValue();
		assertThat(service.path("name").stringValue()).isEqualTo("my-sandbox");
		assertThat(service.path("type").stringValue()).isEqualTo("SANDBOX");
		assertThat(service.path("app_id").stringValue()).isEqualTo(appId);
		assertThat(service.path("organization_id").stringValue()).isEqualTo("emulator");
		assertThat(service.path("status").stringValue()).isEqualTo("HEALTHY");
		assertThat(service.path("created_at").stringValue()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(service.path("version").stringValue()).isEqualTo("1");
		assertThat(service.path("active_deployment_id").stringValue())
			.isEqualTo(service.path("latest_deployment_id").stringValue());
		assertThat(service.path("life_cycle").path("delete_after_create").isIntegralNumber()).isTrue();
		assertThat(service.path("life_cycle").path("delete_after_create").longValue()).isEqualTo(300);
		assertThat(service.path("life_cycle").path("delete_after_sleep").longValue()).isEqualTo(600);
		assertThat(this.fixture.runtime().only(serviceId).definition()).isEqualTo(new SandboxDefinition(serviceId,
				"koyeb/sandbox", "micro", Map.of("CI", "true", "SANDBOX_SECRET", TestApi.SECRET)));
		JsonNode deployment = this.fixture.api().latestDeployment(serviceId);
		assertThat(deployment.path("id").stringValue()).isEqualTo(service.path("latest_deployment_id").stringValue());
		assertThat(deployment.path("service_id").stringValue()).isEqualTo(serviceId);
		assertThat(deployment.path("app_id").stringValue()).isEqualTo(appId);
		assertThat(deployment.path("status").stringValue()).isEqualTo("HEALTHY");
		assertThat(deployment.path("messages").isEmpty()).isTrue();
		assertThat(deployment.path("definition")).isEqualTo(TestApi.JSON.readTree(body).path("definition"));
		assertThat(deployment.at("/metadata/sandbox/public_url").stringValue()).isEqualTo(TestApi.PUBLIC_URL);
		assertThat(deployment.at("/metadata/sandbox/routing_key").stringValue()).matches("[0-9a-f]{32}");
		assertThat(this.fixture.controlPlane().services()).containsExactly(new ServiceView(serviceId, appId, "my-sandbox",
				"HEALTHY", deployment.path("id").stringValue(), "HEALTHY",
				deployment.at("/metadata/sandbox/routing_key").stringValue(), 300, 600));
	}

	@Test
	void acceptsNumbersAsNumericStrings() {
		String appId = this.fixture.api().createApp("my-app", false);
		ObjectNode body = (ObjectNode) TestApi.JSON
			.readTree(TestApi.sandboxBody(appId, "strings", SandboxSpec.builder().build(), NO_LIFE_CYCLE));
		((ObjectNode) body.at("/life_cycle")).put("delete_after_create", "120");
		((ObjectNode) body.at("/definition/ports/0")).put("port", "3030");
		((ObjectNode) body.at("/definition/scalings/0")).put("min", "0").put("max", "1");
		((ObjectNode) body.at("/definition/scalings/0/targets/0/sleep_idle_delay")).put("deep_sleep_value", "600");
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body.toString());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().at("/service/life_cycle/delete_after_create").longValue()).isEqualTo(120);
	}

	@Test
	void deploymentStatusProgressesWithTheStepDelay() {
		try (ControlPlane delayed = new ControlPlane(
				TestApi.settings(this.fixture.clock()).withDeploymentStepDelay(Duration.ofSeconds(10)), this.fixture.runtime())) {
			TestApi delayedApi = new TestApi(delayed);
			String appId = delayedApi.createApp("my-app", true);
			JsonNode service = delayedApi.createSandbox(appId, "slow", ALWAYS_ON, NO_LIFE_CYCLE);
			String serviceId = service.path("id").stringValue();
			assertThat(service.path("status").stringValue()).isEqualTo("STARTING");
			assertThat(service.path("active_deployment_id").stringValue()).isEmpty();
			assertThat(this.fixture.runtime().sandboxesOf(serviceId)).hasSize(1);
			for (String status : new String[] { "PENDING", "PROVISIONING", "SCHEDULED", "ALLOCATING", "STARTING" }) {
				assertThat(delayedApi.latestDeployment(serviceId).path("status").stringValue()).isEqualTo(status);
				assertThat(delayedApi.get("/v1/services/" + serviceId).text("/service/status")).isEqualTo("STARTING");
				this.fixture.clock().advance(Duration.ofSeconds(10));
			}
			JsonNode deployment = delayedApi.latestDeployment(serviceId);
			assertThat(deployment.path("status").stringValue()).isEqualTo("HEALTHY");
			TestApi.Reply healthy = delayedApi.get("/v1/services/" + serviceId);
			assertThat(healthy.text("/service/status")).isEqualTo("HEALTHY");
			assertThat(healthy.text("/service/active_deployment_id")).isEqualTo(deployment.path("id").stringValue());
		}
	}

	@Test
	void serviceWithoutSecretIsAcceptedButItsDeploymentFails() {
		String appId = this.fixture.api().createApp("my-app", false);
		String body = TestApi.sandboxBody(appId, "no-secret", ALWAYS_ON, NO_LIFE_CYCLE)
			.replace("\"SANDBOX_SECRET\"", "\"OTHER\"");
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body);
		assertThat(reply.status()).isEqualTo(200);
		String serviceId = reply.text("/service/id");
		assertThat(reply.text("/service/status")).isEqualTo("UNHEALTHY");
		assertThat(reply.text("/service/active_deployment_id")).isEmpty();
		JsonNode deployment = this.fixture.api().latestDeployment(serviceId);
		assertThat(deployment.path("status").stringValue()).isEqualTo("ERROR");
		assertThat(deployment.path("messages").path(0).stringValue()).isEqualTo(
				"Instance failed to start: the sandbox executor requires the SANDBOX_SECRET environment variable");
		assertThat(this.fixture.runtime().sandboxes()).isEmpty();
		assertThat(this.fixture.controlPlane().findByRoutingKey(deployment.at("/metadata/sandbox/routing_key").stringValue()))
			.isEmpty();
	}

	@Test
	void provisioningFailurePutsTheDeploymentInError() {
		String appId = this.fixture.api().createApp("my-app", false);
		this.fixture.runtime().failProvisioning("disk full");
		String serviceId = this.fixture.api()
			.createSandbox(appId, "doomed", ALWAYS_ON, NO_LIFE_CYCLE)
			.path("id")
			.stringValue();
		JsonNode deployment = this.fixture.api().latestDeployment(serviceId);
		assertThat(deployment.path("status").stringValue()).isEqualTo("ERROR");
		assertThat(deployment.path("messages").path(0).stringValue()).isEqualTo("Instance failed to start: disk full");
		assertThat(this.fixture.api().get("/v1/services/" + serviceId).text("/service/status")).isEqualTo("UNHEALTHY");
	}

	@Test
	void listFiltersAndPages() {
		String appA = this.fixture.api().createApp("app-a", false);
		String appB = this.fixture.api().createApp("app-b", false);
		String first = create(appA, "first", "na");
		this.fixture.clock().advanceSeconds(1);
		String second = create(appA, "second", "fra");
		this.fixture.clock().advanceSeconds(1);
		String third = create(appA, "third", "na");
		String other = create(appB, "other", "na");
		assertThat(this.fixture.api().delete("/v1/services/" + third).status()).isEqualTo(200);

		TestApi.Reply page = this.fixture.api().get("/v1/services?types=SANDBOX&app_id=" + appA);
		assertThat(ids(page)).containsExactly(second, first);
		assertThat(page.json().path("count").longValue()).isEqualTo(2);
		assertThat(page.json().path("limit").longValue()).isEqualTo(20);
		assertThat(page.json().path("offset").longValue()).isZero();
		assertThat(page.json().path("has_next").booleanValue()).isFalse();

		TestApi.Reply firstPage = this.fixture.api().get("/v1/services?limit=2&offset=0");
		assertThat(ids(firstPage)).containsExactly(other, second);
		assertThat(firstPage.json().path("count").longValue()).isEqualTo(3);
		assertThat(firstPage.json().path("has_next").booleanValue()).isTrue();
		TestApi.Reply lastPage = this.fixture.api().get("/v1/services?limit=2&offset=2");
		assertThat(ids(lastPage)).containsExactly(first);
		assertThat(lastPage.json().path("offset").longValue()).isEqualTo(2);
		assertThat(lastPage.json().path("has_next").booleanValue()).isFalse();

		assertThat(ids(this.fixture.api().get("/v1/services?name=second"))).containsExactly(second);
		assertThat(ids(this.fixture.api().get("/v1/services?regions=fra"))).containsExactly(second);
		assertThat(ids(this.fixture.api().get("/v1/services?types=WEB&types=WORKER"))).isEmpty();
		assertThat(ids(this.fixture.api().get("/v1/services?statuses=DELETED"))).containsExactly(third);
		assertThat(ids(this.fixture.api().get("/v1/services?statuses=HEALTHY&statuses=DELETED&app_id=" + appA)))
			.containsExactly(third, second, first);
		assertThat(this.fixture.api().get("/v1/services?limit=500").json().path("limit").longValue()).isEqualTo(100);
		assertThat(page.json().at("/services/0/life_cycle/delete_after_sleep").longValue()).isZero();

		TestApi.Reply invalid = this.fixture.api().get("/v1/services?limit=ten&offset=-1");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().path("fields").findValuesAsString("field")).containsExactly("limit", "offset");
	}

	@Test
	void patchLifeCycleKeepsTheSandboxRunning() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = this.fixture.api().createSandbox(appId, "keep", ALWAYS_ON, new ServiceLifeCycle(600L, 0L))
			.path("id").stringValue();
		JsonNode before = this.fixture.api().latestDeployment(serviceId);
		TestApi.Reply reply = this.fixture.api().patch("/v1/services/" + serviceId,
				"{\"life_cycle\": {\"delete_after_create\": \"3600\"}}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().at("/service/life_cycle/delete_after_create").longValue()).isEqualTo(3600);
		assertThat(reply.json().at("/service/life_cycle/delete_after_sleep").longValue()).isZero();
		assertThat(reply.text("/service/latest_deployment_id")).isEqualTo(before.path("id").stringValue());
		assertThat(reply.text("/service/version")).isEqualTo("2");
		JsonNode after = this.fixture.api().latestDeployment(serviceId);
		assertThat(after.at("/metadata/sandbox/routing_key")).isEqualTo(before.at("/metadata/sandbox/routing_key"));
		RecordingRuntime.RecordingSandbox sandbox = this.fixture.runtime().only(serviceId);
		assertThat(sandbox.resets()).isZero();
		assertThat(sandbox.destroyed()).isFalse();

		TestApi.Reply invalid = this.fixture.api().patch("/v1/services/" + serviceId,
				"{\"life_cycle\": {\"delete_after_create\": 30, \"delete_after_sleep\": 50000}}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().path("fields").findValuesAsString("field"))
			.containsExactly("life_cycle.delete_after_create", "life_cycle.delete_after_sleep");
		assertThat(invalid.text("/fields/0/description"))
			.isEqualTo("must be 0 (off) or from 60 to 86400 seconds, not 30");
		assertThat(this.fixture.controlPlane().services().get(0).deleteAfterCreate()).isEqualTo(3600);
	}

	@Test
	void putWithTheSameDefinitionDoesNotRedeploy() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = this.fixture.api().createSandbox(appId, "same", ALWAYS_ON, NO_LIFE_CYCLE).path("id").stringValue();
		JsonNode deployment = this.fixture.api().latestDeployment(serviceId);
		ObjectNode body = TestApi.JSON.createObjectNode();
		body.set("definition", deployment.path("definition"));
		body.putObject("life_cycle").put("delete_after_create", 900).put("delete_after_sleep", 0);
		TestApi.Reply reply = this.fixture.api().put("/v1/services/" + serviceId, body.toString());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("/service/latest_deployment_id")).isEqualTo(deployment.path("id").stringValue());
		assertThat(reply.json().at("/service/life_cycle/delete_after_create").longValue()).isEqualTo(900);
		assertThat(this.fixture.runtime().only(serviceId).resets()).isZero();
		assertThat(this.fixture.runtime().only(serviceId).destroyed()).isFalse();
	}

	@Test
	void putWithAChangedDefinitionRedeploys() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = this.fixture.api()
			.createSandbox(appId, "changed", ALWAYS_ON, NO_LIFE_CYCLE)
			.path("id")
			.stringValue();
		JsonNode before = this.fixture.api().latestDeployment(serviceId);
		String oldKey = before.at("/metadata/sandbox/routing_key").stringValue();
		ObjectNode definition = (ObjectNode) before.path("definition").deepCopy();
		((ObjectNode) definition.at("/env/0")).put("value", "new-secret");
		ObjectNode body = TestApi.JSON.createObjectNode();
		body.set("definition", definition);
		TestApi.Reply reply = this.fixture.api().put("/v1/services/" + serviceId, body.toString());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("/service/latest_deployment_id")).isNotEqualTo(before.path("id").stringValue());
		JsonNode after = this.fixture.api().latestDeployment(serviceId);
		assertThat(after.path("status").stringValue()).isEqualTo("HEALTHY");
		assertThat(after.at("/definition/env/0/value").stringValue()).isEqualTo("new-secret");
		String newKey = after.at("/metadata/sandbox/routing_key").stringValue();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(this.fixture.api().get("/v1/deployments/" + before.path("id").stringValue()).text("/deployment/status"))
			.isEqualTo("STOPPED");
		assertThat(this.fixture.runtime().sandboxesOf(serviceId)).hasSize(2);
		assertThat(this.fixture.runtime().sandboxesOf(serviceId).get(0).destroyed()).isTrue();
		assertThat(this.fixture.runtime().sandboxesOf(serviceId).get(1).definition().env())
			.containsEntry("SANDBOX_SECRET", "new-secret");
		assertThat(this.fixture.controlPlane().findByRoutingKey(oldKey)).isEmpty();
		ExecutorTarget target = this.fixture.controlPlane().findByRoutingKey(newKey).orElseThrow();
		assertThat(target.acceptsSecret("new-secret")).isTrue();
		assertThat(target.acceptsSecret(TestApi.SECRET)).isFalse();
	}

	@Test
	void putWithTheMissingSecretStartsTheSandbox() {
		String appId = this.fixture.api().createApp("my-app", true);
		String body = TestApi.sandboxBody(appId, "late-secret", ALWAYS_ON, NO_LIFE_CYCLE)
			.replace("\"SANDBOX_SECRET\"", "\"OTHER\"");
		String serviceId = this.fixture.api().post("/v1/services", body).text("/service/id");
		assertThat(this.fixture.runtime().sandboxes()).isEmpty();
		ObjectNode update = TestApi.JSON.createObjectNode();
		String fixed = body.replace("\"OTHER\"", "\"SANDBOX_SECRET\"");
		update.set("definition", TestApi.JSON.readTree(fixed).path("definition"));
		TestApi.Reply reply = this.fixture.api().put("/v1/services/" + serviceId, update.toString());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("/service/status")).isEqualTo("HEALTHY");
		assertThat(this.fixture.api().latestDeployment(serviceId).path("status").stringValue()).isEqualTo("HEALTHY");
		assertThat(this.fixture.runtime().only(serviceId).definition().env()).containsEntry("SANDBOX_SECRET", TestApi.SECRET);
	}

	@Test
	void dryRunUpdateChangesNothing() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = this.fixture.api().createSandbox(appId, "dry", ALWAYS_ON, NO_LIFE_CYCLE).path("id").stringValue();
		TestApi.Reply reply = this.fixture.api().patch("/v1/services/" + serviceId + "?dry_run=true",
				"{\"life_cycle\": {\"delete_after_create\": 3600}}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().at("/service/life_cycle/delete_after_create").longValue()).isZero();
		assertThat(this.fixture.api().patch("/v1/services/" + serviceId + "?dry_run=true",
				"{\"life_cycle\": {\"delete_after_create\": 1}}").status()).isEqualTo(400);
	}

	@Test
	void deleteServiceMarksItDeletedAndDeletesItsEmptyApp() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = this.fixture.api().createSandbox(appId, "gone", ALWAYS_ON, NO_LIFE_CYCLE).path("id").stringValue();
		String routingKey = this.fixture.controlPlane().services().get(0).routingKey();
		this.fixture.clock().advanceSeconds(5);
		TestApi.Reply reply = this.fixture.api().delete("/v1/services/" + serviceId);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("{}");
		TestApi.Reply service = this.fixture.api().get("/v1/services/" + serviceId);
		assertThat(service.text("/service/status")).isEqualTo("DELETED");
		assertThat(service.text("/service/terminated_at")).isEqualTo("2026-01-01T00:00:05Z");
		assertThat(this.fixture.api().latestDeployment(serviceId).path("status").stringValue()).isEqualTo("STOPPED");
		assertThat(this.fixture.runtime().only(serviceId).destroyed()).isTrue();
		assertThat(this.fixture.controlPlane().findByRoutingKey(routingKey)).isEmpty();
		assertThat(this.fixture.api().get("/v1/apps/" + appId).text("/app/status")).isEqualTo("DELETED");
		TestApi.Reply again = this.fixture.api().delete("/v1/services/" + serviceId);
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.text("/code")).isEqualTo("not_found");
		assertThat(this.fixture.api().get("/v1/services").json().path("count").longValue()).isZero();
	}

	@Test
	void deleteServiceKeepsAnAppWithoutDeleteWhenEmpty() {
		String appId = this.fixture.api().createApp("my-app", false);
		String first = this.fixture.api().createSandbox(appId, "first", ALWAYS_ON, NO_LIFE_CYCLE).path("id").stringValue();
		assertThat(this.fixture.api().delete("/v1/services/" + first).status()).isEqualTo(200);
		assertThat(this.fixture.api().get("/v1/apps/" + appId).text("/app/status")).isEqualTo("HEALTHY");
		String second = this.fixture.api().createSandbox(appId, "first", ALWAYS_ON, NO_LIFE_CYCLE).path("id").stringValue();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void unknownServiceAndDeploymentAreNotFound() {
		assertThat(this.fixture.api().get("/v1/services/nope").body())
			.isEqualTo("{\"status\":404,\"code\":\"not_found\",\"message\":\"Service not found: nope\"}");
		assertThat(this.fixture.api().get("/v1/deployments/nope").body())
			.isEqualTo("{\"status\":404,\"code\":\"not_found\",\"message\":\"Deployment not found: nope\"}");
		assertThat(this.fixture.api().patch("/v1/services/nope", "{}").status()).isEqualTo(404);
		assertThat(this.fixture.api().delete("/v1/services/nope").status()).isEqualTo(404);
	}

	@Test
	void onlyTheNewestDeletedServicesStayReadable() {
		String appId = this.fixture.api().createApp("busy-app", false);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < ControlPlaneState.DELETED_SERVICES_KEPT + 2; i++) {
			String id = create(appId, "sandbox-" + i, "na");
			assertThat(this.fixture.api().delete("/v1/services/" + id).status()).isEqualTo(200);
			ids.add(id);
		}
		assertThat(this.fixture.api().get("/v1/services/" + ids.get(0)).status()).isEqualTo(404);
		assertThat(this.fixture.api().get("/v1/services/" + ids.get(1)).status()).isEqualTo(404);
		assertThat(this.fixture.api().get("/v1/services/" + ids.get(2)).text("/service/status")).isEqualTo("DELETED");
		assertThat(this.fixture.controlPlane().services()).hasSize(ControlPlaneState.DELETED_SERVICES_KEPT);
		assertThat(this.fixture.api().get("/v1/apps/" + appId).text("/app/status")).isEqualTo("HEALTHY");
	}

	private String create(String appId, String name, String region) {
		String body = TestApi.sandboxBody(appId, name, ALWAYS_ON, NO_LIFE_CYCLE)
			.replace("\"regions\":[\"na\"]", "\"regions\":[\"" + region + "\"]");
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body);
		assertThat(reply.status()).isEqualTo(200);
		return reply.text("/service/id");
	}

	private static Iterable<String> ids(TestApi.Reply page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().path("services").findValuesAsString("id");
	}

}

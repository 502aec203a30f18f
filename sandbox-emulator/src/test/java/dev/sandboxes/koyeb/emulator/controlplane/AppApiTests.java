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

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AppApiTests {

	@RegisterExtension
	final ControlPlaneFixture fixture = new ControlPlaneFixture();

	@Test
	void createAppReturnsAHealthyAppWithItsDomain() {
		TestApi.Reply reply = this.fixture.api().post("/v1/apps",
				"{\"name\": \"sandbox-app-demo-1767225600\", \"life_cycle\": {\"delete_when_empty\": true}, \"x\": 1}");
		assertThat(reply.status()).isEqualTo(200);
		JsonNode app = reply.json().path("app");
		assertThat(app.path("id").stringValue())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(app.path("name").stringValue()).isEqualTo("sandbox-app-demo-1767225600");
		assertThat(app.path("organization_id").stringValue()).isEqualTo("emulator");
		assertThat(app.path("status").stringValue()).isEqualTo("HEALTHY");
		assertThat(app.path("created_at").stringValue()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(app.path("version").stringValue()).isEqualTo("1");
		assertThat(app.path("life_cycle").path("delete_when_empty").booleanValue()).isTrue();
		JsonNode domain = app.path("domains").path(0);
		assertThat(domain.path("name").stringValue()).isEqualTo("sandbox-app-demo-1767225600-emulator.koyeb.app");
		assertThat(domain.path("type").stringValue()).isEqualTo("AUTOASSIGNED");
		assertThat(domain.path("status").stringValue()).isEqualTo("ACTIVE");
		assertThat(domain.path("app_id").stringValue()).isEqualTo(app.path("id").stringValue());
		assertThat(this.fixture.controlPlane().apps())
			.containsExactly(new AppView(app.path("id").stringValue(), "sandbox-app-demo-1767225600", "HEALTHY", true));
	}

	@Test
	void getAppReturnsTheApp() {
		String appId = this.fixture.api().createApp("my-app", false);
		TestApi.Reply reply = this.fixture.api().get("/v1/apps/" + appId);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("/app/id")).isEqualTo(appId);
		assertThat(reply.text("/app/name")).isEqualTo("my-app");
		assertThat(reply.json().at("/app/life_cycle/delete_when_empty").booleanValue()).isFalse();
	}

	@Test
	void listFindsTheLiveAppsOfANameNewestFirst() {
		String deleted = this.fixture.api().createApp("my-app", true);
		this.fixture.api().delete("/v1/apps/" + deleted);
		String mine = this.fixture.api().createApp("my-app", true);
		String other = this.fixture.api().createApp("other-app", false);
		TestApi.Reply named = this.fixture.api().get("/v1/apps?name=my-app");
		assertThat(named.status()).isEqualTo(200);
		assertThat(named.json().path("apps").size()).isOne();
		assertThat(named.text("/apps/0/id")).isEqualTo(mine);
		assertThat(named.text("/apps/0/name")).isEqualTo("my-app");
		assertThat(named.text("/apps/0/status")).isEqualTo("HEALTHY");
		assertThat(named.text("/apps/0/domains/0/name")).isEqualTo("my-app-emulator.koyeb.app");
		assertThat(named.json().path("count").asInt()).isOne();
		assertThat(named.json().path("has_next").booleanValue()).isFalse();
		TestApi.Reply newest = this.fixture.api().get("/v1/apps?limit=1");
		assertThat(newest.json().path("apps").size()).isOne();
		assertThat(newest.text("/apps/0/id")).isEqualTo(other);
		assertThat(newest.json().path("count").asInt()).isEqualTo(2);
		assertThat(newest.json().path("has_next").booleanValue()).isTrue();
		assertThat(this.fixture.api().get("/v1/apps?limit=1&offset=1").text("/apps/0/id")).isEqualTo(mine);
		assertThat(this.fixture.api().get("/v1/apps?limit=-1").status()).isEqualTo(400);
	}

	@Test
	void unknownAppIsNotFound() {
		TestApi.Reply reply = this.fixture.api().get("/v1/apps/nope");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body())
			.isEqualTo("{\"status\":404,\"code\":\"not_found\",\"message\":\"App not found: nope\"}");
	}

	@Test
	void nameOfALiveAppIsTaken() {
		String appId = this.fixture.api().createApp("my-app", false);
		TestApi.Reply duplicate = this.fixture.api().post("/v1/apps", "{\"name\": \"my-app\"}");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.body()).isEqualTo(
				"{\"status\":409,\"code\":\"already_exists\",\"message\":\"An app named my-app already exists\"}");
		assertThat(this.fixture.api().delete("/v1/apps/" + appId).status()).isEqualTo(200);
		assertThat(this.fixture.api().post("/v1/apps", "{\"name\": \"my-app\"}").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "My-app", "-app", "app-", "app_1",
			"a2345678901234567890123456789012345678901234567890123456789012345" })
	void invalidNameIsRefused(String name) {
		TestApi.Reply reply = this.fixture.api().post("/v1/apps", "{\"name\": \"" + name + "\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text("/code")).isEqualTo("invalid_argument");
		assertThat(reply.text("/message")).isEqualTo("Validation error");
		assertThat(reply.text("/fields/0/field")).isEqualTo("name");
		assertThat(reply.text("/fields/0/description")).startsWith("must be 3 to 64 characters");
		assertThat(reply.json().path("fields").size()).isOne();
		assertThat(this.fixture.controlPlane().apps()).isEmpty();
	}

	@Test
	void missingNameIsRefused() {
		TestApi.Reply reply = this.fixture.api().post("/v1/apps", "{\"life_cycle\": {\"delete_when_empty\": \"yes\"}}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo(
				"{\"status\":400,\"code\":\"invalid_argument\",\"message\":\"Validation error\","
				+ "\"fields\":[{\"field\":\"name\",\"description\":\"is required\"},"
				+ "{\"field\":\"life_cycle.delete_when_empty\",\"description\":\"must be a boolean\"}]}");
	}

	@Test
	void deleteAppDeletesItsServicesAndDestroysTheirSandboxes() {
		String appId = this.fixture.api().createApp("my-app", false);
		SandboxSpec spec = SandboxSpec.builder().idleTimeout(Duration.ZERO).build();
		ServiceLifeCycle lifeCycle = new ServiceLifeCycle(0L, 0L);
		String first = this.fixture.api().createSandbox(appId, "first", spec, lifeCycle).path("id").stringValue();
		String second = this.fixture.api().createSandbox(appId, "second", spec, lifeCycle).path("id").stringValue();
		TestApi.Reply reply = this.fixture.api().delete("/v1/apps/" + appId);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("{}");
		assertThat(this.fixture.runtime().only(first).destroyed()).isTrue();
		assertThat(this.fixture.runtime().only(second).destroyed()).isTrue();
		assertThat(this.fixture.api().get("/v1/services/" + first).text("/service/status")).isEqualTo("DELETED");
		assertThat(this.fixture.api().get("/v1/services/" + second).text("/service/status")).isEqualTo("DELETED");
		TestApi.Reply app = this.fixture.api().get("/v1/apps/" + appId);
		assertThat(app.text("/app/status")).isEqualTo("DELETED");
		assertThat(app.text("/app/domains/0/status")).isEqualTo("DELETED");
		assertThat(this.fixture.controlPlane().apps()).extracting(AppView::status).containsExactly("DELETED");
		assertThat(this.fixture.controlPlane().services()).extracting(ServiceView::status)
			.containsExactly("DELETED", "DELETED");
		assertThat(this.fixture.api().delete("/v1/apps/" + appId).status()).isEqualTo(404);
	}

}

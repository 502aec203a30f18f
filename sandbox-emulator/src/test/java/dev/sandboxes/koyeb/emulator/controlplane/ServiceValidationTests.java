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

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceValidationTests {

	@RegisterExtension
	final ControlPlaneFixture fixture = new ControlPlaneFixture();

	private String appId = "";

	@BeforeEach
	void createApp() {
		this.appId = this.fixture.api().createApp("my-app", false);
	}

	@ParameterizedTest(name = "{3}: {1} = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/life_cycle | delete_after_create | 59 | life_cycle.delete_after_create
			/life_cycle | delete_after_create | 86401 | life_cycle.delete_after_create
			/life_cycle | delete_after_create | -60 | life_cycle.delete_after_create
			/life_cycle | delete_after_create | "soon" | life_cycle.delete_after_create
			/life_cycle | delete_after_sleep | 59 | life_cycle.delete_after_sleep
			/life_cycle | delete_after_sleep | 43201 | life_cycle.delete_after_sleep
			/ | app_id | "" | app_id
			/ | definition | null | definition
			/definition | type | "WEB" | definition.type
			/definition | name | "x" | definition.name
			/definition | name | "My_Sandbox" | definition.name
			/definition/docker | image | " " | definition.docker.image
			/definition | regions | ["mars"] | definition.regions
			/definition | regions | ["na", "fra"] | definition.regions
			/definition | instance_types | [{"type": "huge"}] | definition.instance_types[0].type
			/definition | instance_types | [] | definition.instance_types
			/definition | scalings | [] | definition.scalings
			/definition | scalings | [{"min": 2, "max": 1}] | definition.scalings[0].min
			/definition | scalings | [{"min": 1, "max": 2}] | definition.scalings[0].max
			/definition | scalings | [{"min": 0, "max": 1}] | definition.scalings[0].targets
			/definition/scalings/0/targets/0/sleep_idle_delay | deep_sleep_value | 299 | definition.scalings[0].targets[0].sleep_idle_delay.deep_sleep_value
			/definition/scalings/0/targets/0/sleep_idle_delay | deep_sleep_value | 7201 | definition.scalings[0].targets[0].sleep_idle_delay.deep_sleep_value
			/definition/scalings/0/targets/0/sleep_idle_delay | light_sleep_value | 60 | definition.scalings[0].targets[0].sleep_idle_delay.light_sleep_value
			/definition/scalings/0/targets/0 | sleep_idle_delay | {"value": 8000} | definition.scalings[0].targets[0].sleep_idle_delay.value
			/definition | ports | [{"port": 8080, "protocol": "http"}] | definition.ports
			/definition | ports | [{"port": 3030}, {"port": 70000}] | definition.ports[1].port
			/definition | env | [{"value": "orphan"}] | definition.env[0].key
			/definition | env | [{"key": "A=B", "value": "x"}] | definition.env[0].key
			/definition | env | [{"key": "SANDBOX_SECRET", "value": "s"}, {"key": "N", "value": 5}] | definition.env[1].value
			/definition | env | [{"key": "SANDBOX_SECRET", "value": "s"}, {"key": "K", "secret": "db"}] | definition.env[1].secret
			/definition | env | [{"key": "SANDBOX_SECRET", "value": "s"}, {"key": "V", "value": "a\\u0000b"}] | definition.env[1].value
			""")
	void invalidFieldIsNamed(String parent, String member, String json, String field) {
		ObjectNode body = validBody();
		ObjectNode target = (ObjectNode) ("/".equals(parent) ? body : body.at(parent));
		target.set(member, TestApi.JSON.readTree(json));
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body.toString());
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().path("status").intValue()).isEqualTo(400);
		assertThat(reply.text("/code")).isEqualTo("invalid_argument");
		assertThat(reply.text("/message")).isEqualTo("Validation error");
		assertThat(reply.json().path("fields").findValuesAsString("field")).containsExactly(field);
		assertThat(reply.text("/fields/0/description")).isNotBlank();
		assertThat(this.fixture.runtime().sandboxes()).isEmpty();
		assertThat(this.fixture.controlPlane().services()).isEmpty();
	}

	@Test
	void everyInvalidFieldIsNamedWithItsReason() {
		ObjectNode body = validBody();
		((ObjectNode) body.at("/definition")).put("type", "WORKER").put("name", "Bad Name");
		((ObjectNode) body.at("/life_cycle")).put("delete_after_create", 10);
		((ObjectNode) body.at("/definition/instance_types/0")).put("type", "gpu");
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body.toString());
		assertThat(reply.body()).isEqualTo(
				"{\"status\":400,\"code\":\"invalid_argument\",\"message\":\"Validation error\","
				+ "\"fields\":[{\"field\":\"definition.name\",\"description\":"
				+ "\"must be 2 to 63 characters: lowercase letters, digits, dashes and dots, not 'Bad Name'\"},"
				+ "{\"field\":\"definition.type\",\"description\":"
				+ "\"must be SANDBOX: the emulator runs sandbox services only\"},"
				+ "{\"field\":\"definition.instance_types[0].type\",\"description\":"
				+ "\"must be one of nano, micro, small, medium, large, xlarge, 2xlarge, 3xlarge, 4xlarge, 5xlarge, "
				+ "not 'gpu'\"},"
				+ "{\"field\":\"life_cycle.delete_after_create\",\"description\":"
				+ "\"must be 0 (off) or from 60 to 86400 seconds, not 10\"}]}");
	}

	@Test
	void appMustExist() {
		ObjectNode body = validBody().put("app_id", "74140198-4d29-4a1e-bdc9-5cc2b355ccd0");
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body.toString());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text("/fields/0/field")).isEqualTo("app_id");
		assertThat(reply.text("/fields/0/description"))
			.isEqualTo("must be the id of an existing app that is not deleted");
	}

	@Test
	void nameMustBeFreeInTheApp() {
		assertThat(this.fixture.api().post("/v1/services", validBody().toString()).status()).isEqualTo(200);
		TestApi.Reply reply = this.fixture.api().post("/v1/services", validBody().toString());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text("/fields/0/field")).isEqualTo("definition.name");
		assertThat(reply.text("/fields/0/description")).isEqualTo("is already the name of another service of the app");
		String otherApp = this.fixture.api().createApp("other-app", false);
		assertThat(this.fixture.api().post("/v1/services", validBody().put("app_id", otherApp).toString()).status())
			.isEqualTo(200);
	}

	@Test
	void acceptsTheDeprecatedSleepDelayAndLifeCycleBounds() {
		ObjectNode body = validBody();
		((ObjectNode) body.at("/definition/scalings/0/targets/0")).putObject("sleep_idle_delay").put("value", 7200);
		((ObjectNode) body.at("/life_cycle")).put("delete_after_create", 86400).put("delete_after_sleep", 60);
		TestApi.Reply reply = this.fixture.api().post("/v1/services", body.toString());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(this.fixture.controlPlane().services().get(0).deleteAfterSleep()).isEqualTo(60);
	}

	private ObjectNode validBody() {
		return (ObjectNode) TestApi.JSON.readTree(TestApi.sandboxBody(this.appId, "valid",
				SandboxSpec.builder().build(), new ServiceLifeCycle(0L, 0L)));
	}

}

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
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorTests {

	@RegisterExtension
	final ControlPlaneFixture fixture = new ControlPlaneFixture();

	@Test
	void malformedJsonIsRefusedWithoutQuotingItAndTheNextRequestIsServed() {
		TestApi.Reply reply = this.fixture.api().post("/v1/services", "{\"definition\": {\"env\": [{\"value\": \"s3cr3t\"");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo(
				"{\"status\":400,\"code\":\"invalid_argument\",\"message\":\"Request body is not valid JSON\"}");
		assertThat(this.fixture.api().post("/v1/apps", "{\"name\": \"my-app\"} trailing").status()).isEqualTo(400);
		assertThat(this.fixture.api().post("/v1/apps", "{\"name\": \"my-app\"}").status()).isEqualTo(200);
	}

	@Test
	void bodyThatIsNotAnObjectIsRefused() {
		TestApi.Reply reply = this.fixture.api().post("/v1/apps", "[\"my-app\"]");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text("/message")).isEqualTo("Request body must be a JSON object");
	}

	@Test
	void unknownPathIsNotFound() {
		TestApi.Reply reply = this.fixture.api().get("/v1/secrets");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body())
			.isEqualTo("{\"status\":404,\"code\":\"not_found\",\"message\":\"No such API: GET /v1/secrets\"}");
		assertThat(this.fixture.api().post("/v1/apps/some-id", "{}").status()).isEqualTo(404);
	}

	@Test
	void quotasReportTheLimitsRequestsAreValidatedAgainst() {
		TestApi.Reply reply = this.fixture.api().get("/v1/organizations/any-org/quotas");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().at("/quotas/lifecycle")).isEqualTo(TestApi.JSON.readTree("""
				{"delete_after_create_min": 60, "delete_after_create_max": 86400,
				 "delete_after_sleep_min": 60, "delete_after_sleep_max": 43200}"""));
		assertThat(reply.json().at("/quotas/scale_to_zero")).isEqualTo(TestApi.JSON.readTree("""
				{"is_deep_sleep_enabled": true,
				 "deep_sleep_idle_delay_min": 300, "deep_sleep_idle_delay_max": 7200,
				 "is_light_sleep_enabled": false,
				 "light_sleep_idle_delay_min": 0, "light_sleep_idle_delay_max": 0}"""));
		assertThat(reply.json().at("/quotas/regions").toString())
			.isEqualTo("[\"na\",\"eu\",\"ap\",\"was\",\"fra\",\"par\",\"sfo\",\"sin\",\"tyo\"]");
		assertThat(reply.json().at("/quotas/instance_types").toString()).isEqualTo("[\"nano\",\"micro\",\"small\","
				+ "\"medium\",\"large\",\"xlarge\",\"2xlarge\",\"3xlarge\",\"4xlarge\",\"5xlarge\"]");
		assertThat(reply.text("/quotas/services")).isEqualTo("100");
		assertThat(reply.text("/quotas/max_instances_by_type/micro")).isEqualTo("100");
	}

}

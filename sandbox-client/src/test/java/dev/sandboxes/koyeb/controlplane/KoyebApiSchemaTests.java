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


package dev.sandboxes.koyeb.controlplane;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.PortProtocol;
import dev.sandboxes.koyeb.SandboxSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates the bodies {@link KoyebApi} actually sends against the definitions of Koyeb's
 * Swagger document, and proves the validation catches mistakes.
 */
class KoyebApiSchemaTests {

	private static final String SECRET = SandboxServiceDefinitionsTests.SECRET;

	private static SwaggerDefinitions swagger;

	private MockKoyeb koyeb;

	private KoyebApi api;

	@BeforeAll
	static void loadDefinitions() throws Exception {
		swagger = SwaggerDefinitions.load();
	}

	@BeforeEach
	void start() throws Exception {
		this.koyeb = new MockKoyeb();
		this.api = this.koyeb.api();
	}

	@AfterEach
	void stop() {
		this.koyeb.close();
	}

	@Test
	void createAppSendsACreateApp() throws Exception {
		this.koyeb.enqueue(200, "{\"app\": {\"id\": \"app-1\"}}");
		this.koyeb.enqueue(200, "{\"app\": {\"id\": \"app-2\"}}");
		this.api.createApp(new CreateApp("sandbox-app-my-sandbox-1767225600", new AppLifeCycle(true), null)).block();
		this.api.createApp(new CreateApp("sandbox-app-other-1767225600", new AppLifeCycle(true), "project-1"))
			.block();
		swagger.assertValid("CreateApp", MockKoyeb.body(this.koyeb.take()));
		swagger.assertValid("CreateApp", MockKoyeb.body(this.koyeb.take()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("createServiceBodies")
	void createServiceSendsACreateService(String description, CreateService body) throws Exception {
		this.koyeb.enqueue(200, "{\"service\": {\"id\": \"svc-1\"}}");
		this.api.createService(body, SECRET).block();
		swagger.assertValid("CreateService", MockKoyeb.body(this.koyeb.take()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("createServiceBodies")
	void validateServiceSendsACreateService(String description, CreateService body) throws Exception {
		this.koyeb.enqueue(200, "{}");
		this.api.validateService(body, SECRET).block();
		swagger.assertValid("CreateService", MockKoyeb.body(this.koyeb.take()));
	}

	static Stream<Arguments> createServiceBodies() {
		return Stream.of(Arguments.of("defaults", SandboxServiceDefinitionsTests.defaults("app-1")),
				Arguments.of("everything set, sleeping after 10 min",
						SandboxServiceDefinitionsTests.everything(Duration.ofMinutes(10))),
				Arguments.of("everything set, always on", SandboxServiceDefinitionsTests.everything(Duration.ZERO)),
				Arguments.of("dry run of a TCP proxy over HTTP/2",
						body(SandboxSpec.builder().tcpProxy(true).portProtocol(PortProtocol.HTTP2).build(),
								KoyebApi.DRY_RUN_APP_ID, new ServiceLifeCycle(0L, 0L))),
				Arguments.of("secret environment only",
						body(SandboxSpec.builder().envFromSecret("TOKEN", "my-token").build(), "app-1",
								new ServiceLifeCycle(86400L, 43200L))),
				Arguments.of("lifecycle left to Koyeb", body(SandboxSpec.builder().build(), "app-1",
						new ServiceLifeCycle(null, null))));
	}

	private static CreateService body(SandboxSpec spec, String appId, ServiceLifeCycle lifeCycle) {
		return SandboxServiceDefinitions.createService(spec, appId, "schema-sandbox", "was", "nano", lifeCycle,
				SECRET);
	}

	@Test
	void updateLifecycleSendsAnUpdateService() throws Exception {
		this.koyeb.enqueue(200, "{\"service\": {\"id\": \"svc-1\"}}");
		this.koyeb.enqueue(200, "{\"service\": {\"id\": \"svc-1\"}}");
		this.api.updateLifecycle("svc-1", new ServiceLifeCycle(7200L, 600L)).block();
		this.api.updateLifecycle("svc-1", new ServiceLifeCycle(0L, null)).block();
		swagger.assertValid("UpdateService", MockKoyeb.body(this.koyeb.take()));
		swagger.assertValid("UpdateService", MockKoyeb.body(this.koyeb.take()));
	}

	@Test
	void checkerCatchesWrongTypes() throws Exception {
		assertThat(problems("CreateService", "{\"app_id\": 5}")).singleElement().asString().contains("app_id");
		assertThat(problems("UpdateService", "{\"life_cycle\": {\"delete_after_create\": \"3600\"}}")).singleElement()
			.asString()
			.contains("delete_after_create");
		assertThat(problems("CreateService", "{\"definition\": {\"type\": \"SANDBOXES\"}}")).singleElement()
			.asString()
			.contains("type");
		assertThat(problems("CreateService",
				"{\"definition\": {\"proxy_ports\": [{\"port\": 3031, \"protocol\": \"udp\"}]}}"))
			.singleElement()
			.asString()
			.contains("protocol");
	}

	@Test
	void checkerCatchesUndeclaredProperties() throws Exception {
		assertThat(problems("CreateService", "{\"app_id\": \"app-1\", \"definition\": {\"nmae\": \"x\"}}"))
			.containsExactly("$.definition.nmae: is not a declared property of DeploymentDefinition");
		assertThat(problems("CreateService", "{\"definition\": {\"env\": [{\"key\": \"A\", \"vaule\": \"1\"}]}}"))
			.containsExactly("$.definition.env[0].vaule: is not a declared property of DeploymentEnv");
		assertThat(problems("UpdateService", "{\"lifecycle\": {}}"))
			.containsExactly("$.lifecycle: is not a declared property of UpdateService");
	}

	@Test
	void enumsAcceptTheValuesSent() throws Exception {
		assertThat(problems("CreateService", """
				{"definition": {"type": "SANDBOX", "proxy_ports": [{"port": 3031, "protocol": "tcp"}],
				  "ports": [{"port": 3031, "protocol": "http2"}]}}""")).isEmpty();
	}

	private static List<String> problems(String definition, String json) throws Exception {
		return swagger.problems(definition, json.getBytes(StandardCharsets.UTF_8));
	}

}

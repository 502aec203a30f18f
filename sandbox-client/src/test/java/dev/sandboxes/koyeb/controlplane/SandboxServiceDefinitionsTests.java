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

import java.time.Duration;
import java.util.List;

import dev.sandboxes.koyeb.PortProtocol;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.transport.JsonSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link SandboxServiceDefinitions}: the exact JSON of the bodies it builds.
 */
class SandboxServiceDefinitionsTests {

	/**
	 * Sandbox secret of these tests.
	 */
	static final String SECRET = "sandbox-secret-Zq8vW3";

	/**
	 * Build the body of a sandbox with every default, named {@code my-sandbox}, in
	 * {@code na} on {@code micro}, never deleted automatically.
	 * @param appId the app id
	 * @return the body
	 */
	static CreateService defaults(String appId) {
		return SandboxServiceDefinitions.createService(SandboxSpec.builder().build(), appId, "my-sandbox", "na",
				"micro", new ServiceLifeCycle(0L, 0L), SECRET);
	}

	/**
	 * Return the JSON of {@link #defaults(String)}.
	 * @param appId the app id
	 * @return the JSON
	 */
	static String expectedDefaultBody(String appId) {
		return """
				{"app_id": "%s",
				 "definition": {
				   "name": "my-sandbox",
				   "type": "SANDBOX",
				   "docker": {"image": "koyeb/sandbox", "privileged": false},
				   "env": [{"key": "SANDBOX_SECRET", "value": "%s"}],
				   "ports": [{"port": 3030, "protocol": "http"}, {"port": 3031, "protocol": "http"}],
				   "routes": [{"port": 3030, "path": "/koyeb-sandbox/"}, {"port": 3031, "path": "/"}],
				   "instance_types": [{"type": "micro"}],
				   "regions": ["na"],
				   "scalings": [{"min": 0, "max": 1, "targets": [{"sleep_idle_delay": {"deep_sleep_value": 300}}]}]},
				 "life_cycle": {"delete_after_create": 0, "delete_after_sleep": 0}}
				""".formatted(appId, SECRET);
	}

	/**
	 * Build the body of a sandbox with every option set.
	 * @param idleTimeout the idle timeout
	 * @return the body
	 */
	static CreateService everything(Duration idleTimeout) {
		SandboxSpec spec = SandboxSpec.builder()
			.image("registry.example.com/team/python:3.12")
			.name("full-sandbox")
			.env("B_FIRST", "1")
			.env("A_SECOND", "two words")
			.envFromSecret("DB_PASSWORD", "db-password")
			.envFromSecret("API_KEY", "api-key")
			.configFile("/etc/app/config.yaml", "debug: true\n")
			.configFile("/root/.netrc", "machine x")
			.command("python")
			.args(List.of("-m", "http.server", "8080"))
			.entrypoint(List.of("/bin/sh", "-c"))
			.privileged(true)
			.registrySecret("registry-creds")
			.tcpProxy(true)
			.portProtocol(PortProtocol.HTTP2)
			.idleTimeout(idleTimeout)
			.build();
		return SandboxServiceDefinitions.createService(spec, "app-1", "full-sandbox", "fra", "small",
				new ServiceLifeCycle(3600L, idleTimeout.isZero() ? 0L : 900L), SECRET);
	}

	@Test
	void defaultsMatchTheSdks() {
		assertJson(defaults("app-1"), expectedDefaultBody("app-1"));
	}

	@Test
	void everythingSet() {
		assertJson(everything(Duration.ofMinutes(10)), """
				{"app_id": "app-1",
				 "definition": {
				   "name": "full-sandbox",
				   "type": "SANDBOX",
				   "docker": {"image": "registry.example.com/team/python:3.12", "command": "python",
				     "args": ["-m", "http.server", "8080"], "entrypoint": ["/bin/sh", "-c"], "privileged": true,
				     "image_registry_secret": "registry-creds"},
				   "env": [{"key": "B_FIRST", "value": "1"}, {"key": "A_SECOND", "value": "two words"},
				     {"key": "DB_PASSWORD", "value": "{{ secret.db-password }}"},
				     {"key": "API_KEY", "value": "{{ secret.api-key }}"},
				     {"key": "SANDBOX_SECRET", "value": "%s"}],
				   "ports": [{"port": 3030, "protocol": "http"}, {"port": 3031, "protocol": "http2"}],
				   "routes": [{"port": 3030, "path": "/koyeb-sandbox/"}, {"port": 3031, "path": "/"}],
				   "proxy_ports": [{"port": 3031, "protocol": "tcp"}],
				   "instance_types": [{"type": "small"}],
				   "regions": ["fra"],
				   "scalings": [{"min": 0, "max": 1, "targets": [{"sleep_idle_delay": {"deep_sleep_value": 600}}]}],
				   "config_files": [
				     {"path": "/etc/app/config.yaml", "content": "debug: true\\n", "permissions": "0644"},
				     {"path": "/root/.netrc", "content": "machine x", "permissions": "0644"}]},
				 "life_cycle": {"delete_after_create": 3600, "delete_after_sleep": 900}}
				""".formatted(SECRET));
	}

	@Test
	void zeroIdleTimeoutKeepsOneInstanceAlwaysOn() {
		CreateService body = everything(Duration.ZERO);
		assertThat(MockKoyeb.tree(JsonSupport.write(body)).at("/definition/scalings"))
			.isEqualTo(MockKoyeb.tree("[{\"min\": 1, \"max\": 1}]"));
	}

	@Test
	void nameGivenByTheCallerWinsOverTheSpecs() {
		SandboxSpec spec = SandboxSpec.builder().name("from-spec").build();
		CreateService body = SandboxServiceDefinitions.createService(spec, "app-1", "from-caller", "na", "micro",
				new ServiceLifeCycle(0L, 0L), SECRET);
		assertThat(body.definition().name()).isEqualTo("from-caller");
	}

	@Test
	void toStringDoesNotShowTheSecret() {
		assertThat(defaults("app-1").toString()).doesNotContain(SECRET);
	}

	@Test
	void rejectsMissingValues() {
		SandboxSpec spec = SandboxSpec.builder().build();
		ServiceLifeCycle lifeCycle = new ServiceLifeCycle(0L, 0L);
		assertThatIllegalArgumentException().isThrownBy(
				() -> SandboxServiceDefinitions.createService(spec, "app-1", "name", "na", "micro", lifeCycle, ""));
		assertThatIllegalArgumentException().isThrownBy(
				() -> SandboxServiceDefinitions.createService(spec, " ", "name", "na", "micro", lifeCycle, SECRET));
	}

	private static void assertJson(CreateService body, String expected) {
		assertThat(MockKoyeb.tree(JsonSupport.write(body))).isEqualTo(MockKoyeb.tree(expected));
	}

}

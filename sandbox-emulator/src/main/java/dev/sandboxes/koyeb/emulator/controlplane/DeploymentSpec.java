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
import java.util.Map;

import dev.sandboxes.koyeb.emulator.runtime.SandboxDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A validated deployment definition: the JSON as received (stored and returned, secret included,
 * as Koyeb does) and the values the emulator acts on.
 *
 * @param json the definition, without {@code null} members
 * @param name the service name
 * @param image the Docker image
 * @param instanceType the instance type
 * @param region the region
 * @param env the environment variables that have a value
 * @param idleTimeout the idle time before deep sleep, or {@code null} when the service never sleeps
 * @param configFiles the content of each configuration file, by absolute path
 */
record DeploymentSpec(JsonNode json, String name, String image, String instanceType, String region,
		Map<String, String> env, @Nullable Duration idleTimeout, Map<String, String> configFiles) {

	/**
	 * The environment variable holding the executor's secret.
	 */
	static final String SECRET_KEY = "SANDBOX_SECRET";

	DeploymentSpec {
		env = Map.copyOf(env);
		configFiles = Map.copyOf(configFiles);
	}

	/**
	 * The executor's secret.
	 * @return the secret, or {@code null} when the environment has none
	 */
	@Nullable String secret() {
		String secret = this.env.get(SECRET_KEY);
		return (secret != null && !secret.isEmpty()) ? secret : null;
	}

	/**
	 * What the runtime provisions for this definition.
	 * @param serviceId the service id, which is the sandbox id
	 * @return the runtime definition
	 */
	SandboxDefinition toRuntimeDefinition(String serviceId) {
		return new SandboxDefinition(serviceId, this.image, this.instanceType, this.env);
	}

	@Override
	public String toString() {
		return "DeploymentSpec[name=" + this.name + ", image=" + this.image + ", instanceType=" + this.instanceType
				+ ", region=" + this.region + ", env=" + this.env.keySet() + ", idleTimeout=" + this.idleTimeout
				+ ", configFiles=" + this.configFiles.keySet() + "]";
	}

}

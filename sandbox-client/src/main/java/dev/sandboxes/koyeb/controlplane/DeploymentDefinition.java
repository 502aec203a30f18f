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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Definition of a service's deployment (definition {@code DeploymentDefinition}), limited
 * to the fields sandboxes use.
 *
 * @param name the service name
 * @param type the service type, {@code SANDBOX}
 * @param docker the image and container overrides
 * @param env the environment
 * @param ports the published ports
 * @param routes the HTTP routes
 * @param proxyPorts the raw TCP proxy ports
 * @param instanceTypes the instance type
 * @param regions the region
 * @param scalings the scaling rule
 * @param configFiles files written before start
 * @param mesh the mesh mode
 * @since 0.1.0
 */
public record DeploymentDefinition(@Nullable String name, @Nullable String type, @Nullable Docker docker,
		@Nullable List<Env> env, @Nullable List<Port> ports, @Nullable List<Route> routes,
		@Nullable List<ProxyPort> proxyPorts, @Nullable List<InstanceType> instanceTypes,
		@Nullable List<String> regions, @Nullable List<Scaling> scalings, @Nullable List<ConfigFile> configFiles,
		@Nullable String mesh) {

	/**
	 * Image and container overrides (definition {@code DockerSource}).
	 *
	 * @param image the image
	 * @param command the command override
	 * @param args the arguments override
	 * @param entrypoint the entrypoint override
	 * @param privileged whether the container is privileged
	 * @param imageRegistrySecret the secret with registry credentials
	 */
	public record Docker(@Nullable String image, @Nullable String command, @Nullable List<String> args,
			@Nullable List<String> entrypoint, @Nullable Boolean privileged, @Nullable String imageRegistrySecret) {

	}

	/**
	 * An environment variable (definition {@code DeploymentEnv}).
	 *
	 * @param key the name
	 * @param value the value
	 * @param secret the Koyeb secret giving the value
	 */
	public record Env(@Nullable String key, @Nullable String value, @Nullable String secret) {

		@Override
		public String toString() {
			return "Env[key=" + this.key + "]";
		}

	}

	/**
	 * A published port (definition {@code DeploymentPort}).
	 *
	 * @param port the port
	 * @param protocol {@code http}, {@code http2} or {@code tcp}
	 */
	public record Port(@Nullable Long port, @Nullable String protocol) {

	}

	/**
	 * An HTTP route (definition {@code DeploymentRoute}).
	 *
	 * @param port the port it leads to
	 * @param path the path prefix
	 */
	public record Route(@Nullable Long port, @Nullable String path) {

	}

	/**
	 * A raw TCP proxy port (definition {@code DeploymentProxyPort}).
	 *
	 * @param port the port
	 * @param protocol {@code tcp}
	 */
	public record ProxyPort(@Nullable Long port, @Nullable String protocol) {

	}

	/**
	 * An instance type (definition {@code DeploymentInstanceType}).
	 *
	 * @param type the type, for example {@code micro}
	 */
	public record InstanceType(@Nullable String type) {

	}

	/**
	 * A scaling rule (definition {@code DeploymentScaling}).
	 *
	 * @param min the fewest instances
	 * @param max the most instances
	 * @param targets the scaling targets
	 */
	public record Scaling(@Nullable Long min, @Nullable Long max, @Nullable List<ScalingTarget> targets) {

	}

	/**
	 * A scaling target (definition {@code DeploymentScalingTarget}).
	 *
	 * @param sleepIdleDelay the idle delay before sleeping
	 */
	public record ScalingTarget(@Nullable SleepIdleDelay sleepIdleDelay) {

	}

	/**
	 * Idle delays before sleeping (definition {@code DeploymentScalingTargetSleepIdleDelay}).
	 *
	 * @param deepSleepValue seconds without requests before deep sleep
	 * @param lightSleepValue seconds without requests before light sleep
	 */
	public record SleepIdleDelay(@Nullable Long deepSleepValue, @Nullable Long lightSleepValue) {

	}

	/**
	 * A file written before start (definition {@code ConfigFile}).
	 *
	 * @param path the absolute path
	 * @param content the content
	 * @param permissions the permissions, for example {@code 0644}
	 */
	public record ConfigFile(@Nullable String path, @Nullable String content, @Nullable String permissions) {

	}

}

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

import java.util.ArrayList;
import java.util.List;

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.ConfigFile;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.Docker;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.Env;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.InstanceType;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.Port;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.ProxyPort;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.Route;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.Scaling;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.ScalingTarget;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition.SleepIdleDelay;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Builds the {@code CreateService} body of a sandbox exactly as Koyeb's SDKs do: a
 * {@code SANDBOX} service publishing the executor on port 3030 under
 * {@code /koyeb-sandbox/} and the exposed-port forwarder on port 3031 under {@code /}.
 *
 * @since 0.1.0
 */
public final class SandboxServiceDefinitions {

	private static final long EXECUTOR_PORT = 3030;

	private static final long EXPOSED_PORT = 3031;

	private static final String EXECUTOR_ROUTE = "/koyeb-sandbox/";

	private static final String SERVICE_TYPE = "SANDBOX";

	private static final String CONFIG_FILE_PERMISSIONS = "0644";

	private SandboxServiceDefinitions() {
	}

	/**
	 * Build the body that creates a sandbox.
	 * @param spec what to create
	 * @param appId the app to create the service in
	 * @param name the service name, which is the sandbox name
	 * @param region the region
	 * @param instanceType the instance type
	 * @param lifeCycle the deletion rules
	 * @param sandboxSecret the executor's secret, sent as {@value SandboxSpec#SECRET_ENV_KEY}
	 * @return the body of {@code POST /v1/services}
	 */
	public static CreateService createService(SandboxSpec spec, String appId, String name, String region,
			String instanceType, ServiceLifeCycle lifeCycle, String sandboxSecret) {
		Assert.hasText(appId, "appId must not be empty");
		Assert.hasText(name, "name must not be empty");
		Assert.hasText(region, "region must not be empty");
		Assert.hasText(instanceType, "instanceType must not be empty");
		Assert.hasText(sandboxSecret, "sandboxSecret must not be empty");
		DeploymentDefinition definition = new DeploymentDefinition(name, SERVICE_TYPE, docker(spec),
				env(spec, sandboxSecret), ports(spec), routes(), proxyPorts(spec),
				List.of(new InstanceType(instanceType)), List.of(region), scalings(spec), configFiles(spec), null);
		return new CreateService(appId, definition, lifeCycle, null);
	}

	private static Docker docker(SandboxSpec spec) {
		String image = (spec.image() != null) ? spec.image() : SandboxSpec.DEFAULT_IMAGE;
		return new Docker(image, spec.command(), nullIfEmpty(spec.args()), nullIfEmpty(spec.entrypoint()),
				spec.privileged(), spec.registrySecret());
	}

	private static List<Env> env(SandboxSpec spec, String sandboxSecret) {
		List<Env> env = new ArrayList<>();
		spec.env().forEach((key, value) -> env.add(new Env(key, value, null)));
		spec.secretEnv().forEach((key, secret) -> env.add(new Env(key, "{{ secret." + secret + " }}", null)));
		env.add(new Env(SandboxSpec.SECRET_ENV_KEY, sandboxSecret, null));
		return env;
	}

	private static List<Port> ports(SandboxSpec spec) {
		return List.of(new Port(EXECUTOR_PORT, "http"), new Port(EXPOSED_PORT, spec.portProtocol().wireValue()));
	}

	private static List<Route> routes() {
		return List.of(new Route(EXECUTOR_PORT, EXECUTOR_ROUTE), new Route(EXPOSED_PORT, "/"));
	}

	private static @Nullable List<ProxyPort> proxyPorts(SandboxSpec spec) {
		return spec.tcpProxy() ? List.of(new ProxyPort(EXPOSED_PORT, "tcp")) : null;
	}

	private static List<Scaling> scalings(SandboxSpec spec) {
		if (spec.idleTimeout().isZero()) {
			return List.of(new Scaling(1L, 1L, null));
		}
		SleepIdleDelay delay = new SleepIdleDelay(spec.idleTimeout().toSeconds(), null);
		return List.of(new Scaling(0L, 1L, List.of(new ScalingTarget(delay))));
	}

	private static @Nullable List<ConfigFile> configFiles(SandboxSpec spec) {
		List<ConfigFile> files = new ArrayList<>();
		spec.configFiles()
			.forEach((path, content) -> files.add(new ConfigFile(path, content, CONFIG_FILE_PERMISSIONS)));
		return nullIfEmpty(files);
	}

	private static <T> @Nullable List<T> nullIfEmpty(List<T> list) {
		return list.isEmpty() ? null : list;
	}

}

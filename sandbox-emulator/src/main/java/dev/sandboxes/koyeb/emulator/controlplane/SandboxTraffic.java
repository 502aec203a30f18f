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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import dev.sandboxes.koyeb.emulator.executor.ExecutorTarget;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes executor traffic to live sandboxes by routing key and records it: requests in flight
 * keep a sandbox awake, the end of the last one starts its idle time, and a request to a sleeping
 * sandbox wakes it.
 */
final class SandboxTraffic {

	private static final Logger logger = LoggerFactory.getLogger(SandboxTraffic.class);

	private final ControlPlaneState state;

	private final Clock clock;

	SandboxTraffic(ControlPlaneState state, Clock clock) {
		this.state = state;
		this.clock = clock;
	}

	/**
	 * Find the live sandbox whose latest deployment has a routing key.
	 * @param routingKey the routing key
	 * @return the sandbox, empty when its service is deleted or deleting, its deployment failed,
	 * or no deployment has that key
	 */
	Optional<ExecutorTarget> find(String routingKey) {
		return this.state.locked(() -> this.state.serviceRoutedBy(routingKey)
			.filter((service) -> service.isLive() && service.latest().isRunning()
					&& service.latest().routingKey().equals(routingKey))
			.map(this::target));
	}

	private ExecutorTarget target(ServiceRecord service) {
		DeploymentRecord deployment = service.latest();
		String secret = deployment.spec().secret();
		return new Target(service, deployment,
				(secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : new byte[0]);
	}

	/**
	 * The sandbox of one deployment, as found.
	 */
	private final class Target implements ExecutorTarget {

		private final ServiceRecord service;

		private final DeploymentRecord deployment;

		private final byte[] secret;

		Target(ServiceRecord service, DeploymentRecord deployment, byte[] secret) {
			this.service = service;
			this.deployment = deployment;
			this.secret = secret;
		}

		@Override
		public boolean acceptsSecret(String presented) {
			return this.secret.length > 0
					&& MessageDigest.isEqual(this.secret, presented.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * {@inheritDoc}
		 * <p>
		 * Waits while the sandbox is being reset for its sleep.
		 * @throws IllegalStateException if the sandbox was deleted or replaced since it was found
		 */
		@Override
		public RuntimeSandbox enter() {
			boolean woke = SandboxTraffic.this.state.locked(() -> {
				if (!this.service.isLive() || this.service.latest() != this.deployment
						|| !this.deployment.isRunning()) {
					throw new IllegalStateException("Sandbox " + this.service.id() + " is no longer running");
				}
				return this.deployment.enter(SandboxTraffic.this.clock.instant());
			});
			if (woke) {
				logger.info("Sandbox {} woke up", this.service.id());
			}
			Optional<RuntimeSandbox> sandbox = this.service.slot().sandboxOf(this.deployment.id());
			if (sandbox.isEmpty()) {
				exit();
				throw new IllegalStateException("Sandbox " + this.service.id() + " is no longer running");
			}
			return sandbox.get();
		}

		@Override
		public void exit() {
			SandboxTraffic.this.state
				.lockedRun(() -> this.deployment.exit(SandboxTraffic.this.clock.instant()));
		}

	}

}

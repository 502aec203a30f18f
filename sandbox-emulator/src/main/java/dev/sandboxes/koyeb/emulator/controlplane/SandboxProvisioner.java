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

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the runtime sandbox of a service in line with the state: the sandbox of its latest
 * deployment while the service is live and the deployment runs, none otherwise. A provisioning
 * failure puts the deployment in {@code ERROR}. Blocks: call it off event loops and without the
 * state's lock.
 */
final class SandboxProvisioner {

	private static final Logger logger = LoggerFactory.getLogger(SandboxProvisioner.class);

	private final ControlPlaneState state;

	private final Clock clock;

	SandboxProvisioner(ControlPlaneState state, Clock clock) {
		this.state = state;
		this.clock = clock;
	}

	void converge(ServiceRecord service) {
		service.slot().converge(() -> this.state.locked(() -> wanted(service)), (target, ex) -> {
			logger.warn("Provisioning sandbox {} failed", service.id(), ex);
			this.state.lockedRun(() -> this.state.deployment(target.deploymentId())
				.fail("Instance failed to start: " + ex.getMessage(), this.clock.instant()));
		});
	}

	private static Optional<SandboxTarget> wanted(ServiceRecord service) {
		DeploymentRecord deployment = service.latest();
		if (!service.isLive() || !deployment.isRunning()) {
			return Optional.empty();
		}
		return Optional.of(new SandboxTarget(deployment.id(), deployment.spec().toRuntimeDefinition(service.id()),
				deployment.spec().configFiles()));
	}

}

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
import java.time.Instant;
import java.util.List;

/**
 * Derives statuses from the time: a deployment goes through {@code PENDING},
 * {@code PROVISIONING}, {@code SCHEDULED}, {@code ALLOCATING} and {@code STARTING}, one step
 * delay each, then is {@code HEALTHY} (or {@code SLEEPING}, {@code ERROR}, {@code STOPPED} as
 * recorded); a live service is {@code STARTING} until its latest deployment is healthy.
 */
final class StatusProgression {

	private static final List<DeploymentStatus> STEPS = List.of(DeploymentStatus.PENDING,
			DeploymentStatus.PROVISIONING, DeploymentStatus.SCHEDULED, DeploymentStatus.ALLOCATING,
			DeploymentStatus.STARTING);

	private final Duration stepDelay;

	StatusProgression(Duration stepDelay) {
		this.stepDelay = stepDelay;
	}

	/**
	 * When a deployment created at an instant becomes healthy.
	 * @param createdAt the creation of the deployment
	 * @return the instant
	 */
	Instant healthyAt(Instant createdAt) {
		return createdAt.plus(this.stepDelay.multipliedBy(STEPS.size()));
	}

	DeploymentStatus status(DeploymentRecord deployment, Instant now) {
		if (deployment.failure() != null) {
			return DeploymentStatus.ERROR;
		}
		if (deployment.stoppedAt() != null) {
			return DeploymentStatus.STOPPED;
		}
		if (!this.stepDelay.isZero() && now.isBefore(healthyAt(deployment.createdAt()))) {
			long step = Math.max(0, Duration.between(deployment.createdAt(), now).dividedBy(this.stepDelay));
			return STEPS.get((int) step);
		}
		return (deployment.sleptAt() != null) ? DeploymentStatus.SLEEPING : DeploymentStatus.HEALTHY;
	}

	ResourceStatus status(ServiceRecord service, Instant now) {
		ResourceStatus teardown = service.teardown();
		if (teardown != null) {
			return teardown;
		}
		return switch (status(service.latest(), now)) {
			case HEALTHY, SLEEPING -> ResourceStatus.HEALTHY;
			case ERROR, STOPPED -> ResourceStatus.UNHEALTHY;
			default -> ResourceStatus.STARTING;
		};
	}

	/**
	 * Whether a deployment has reached {@code HEALTHY} or {@code SLEEPING}.
	 * @param deployment the deployment
	 * @param now the current time
	 * @return whether it is active
	 */
	boolean isActive(DeploymentRecord deployment, Instant now) {
		DeploymentStatus status = status(deployment, now);
		return status == DeploymentStatus.HEALTHY || status == DeploymentStatus.SLEEPING;
	}

}

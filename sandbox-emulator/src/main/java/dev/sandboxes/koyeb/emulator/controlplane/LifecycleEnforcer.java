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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces lifecycle rules in clock time, one pass at a time: deletes services whose
 * {@code delete_after_create} or {@code delete_after_sleep} has elapsed, and puts to sleep the
 * sandboxes that scale to zero once they have had no executor traffic for their idle delay.
 * Sleeping resets the sandbox, as Koyeb's deep sleep does. Blocks: run it on its own thread.
 */
final class LifecycleEnforcer {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleEnforcer.class);

	private final ControlPlaneState state;

	private final ServiceTeardown teardown;

	private final StatusProgression statuses;

	private final Clock clock;

	LifecycleEnforcer(ControlPlaneState state, ServiceTeardown teardown, StatusProgression statuses, Clock clock) {
		this.state = state;
		this.teardown = teardown;
		this.statuses = statuses;
		this.clock = clock;
	}

	void enforce() {
		Instant now = this.clock.instant();
		List<DueDeletion> deletions = this.state.locked(() -> claimDueDeletions(now));
		deletions.forEach((deletion) -> this.teardown.complete(deletion.service(), deletion.reason()));
		List<ServiceRecord> idle = this.state
			.locked(() -> this.state.services().stream().filter((service) -> isIdle(service, now)).toList());
		idle.forEach(this::sleep);
	}

	private List<DueDeletion> claimDueDeletions(Instant now) {
		List<DueDeletion> deletions = new ArrayList<>();
		for (ServiceRecord service : this.state.services()) {
			DeletionReason reason = service.isLive() ? dueDeletion(service, now) : null;
			if (reason != null) {
				deletions.add(new DueDeletion(this.teardown.begin(service), reason));
			}
		}
		return deletions;
	}

	private static @Nullable DeletionReason dueDeletion(ServiceRecord service, Instant now) {
		LifeCycle lifeCycle = service.lifeCycle();
		if (lifeCycle.deleteAfterCreate() > 0
				&& !now.isBefore(service.createdAt().plusSeconds(lifeCycle.deleteAfterCreate()))) {
			return DeletionReason.DELETE_AFTER_CREATE;
		}
		Instant sleptAt = service.latest().sleptAt();
		if (lifeCycle.deleteAfterSleep() > 0 && sleptAt != null
				&& !now.isBefore(sleptAt.plusSeconds(lifeCycle.deleteAfterSleep()))) {
			return DeletionReason.DELETE_AFTER_SLEEP;
		}
		return null;
	}

	private boolean isIdle(ServiceRecord service, Instant now) {
		DeploymentRecord deployment = service.latest();
		Duration idleTimeout = deployment.spec().idleTimeout();
		return service.isLive() && idleTimeout != null
				&& this.statuses.status(deployment, now) == DeploymentStatus.HEALTHY && deployment.inFlight() == 0
				&& !now.isBefore(deployment.lastActivity().plus(idleTimeout));
	}

	private void sleep(ServiceRecord service) {
		boolean slept = service.slot()
			.sleepIf((deploymentId) -> this.state.locked(() -> sleepIfIdle(service, deploymentId)));
		if (slept) {
			logger.info("Sandbox {} went to sleep: no executor traffic for its idle delay", service.id());
		}
	}

	private boolean sleepIfIdle(ServiceRecord service, String sandboxDeploymentId) {
		Instant now = this.clock.instant();
		DeploymentRecord deployment = service.latest();
		if (!deployment.id().equals(sandboxDeploymentId) || !isIdle(service, now)) {
			return false;
		}
		deployment.sleep(now);
		return true;
	}

	private record DueDeletion(ServiceRecord service, DeletionReason reason) {
	}

}

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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The stored state of a service: its deletion rules, its latest deployment and, while live, the
 * slot of its sandbox. Its status while live is derived from its latest deployment by
 * {@link StatusProgression}. Guarded by the lock of {@link ControlPlaneState}, except the slot,
 * which guards itself.
 */
final class ServiceRecord {

	private final String id;

	private final String appId;

	private final long sequence;

	private final Instant createdAt;

	private final SandboxSlot slot;

	private DeploymentRecord latest;

	private LifeCycle lifeCycle;

	private @Nullable ResourceStatus teardown;

	private Instant updatedAt;

	private @Nullable Instant terminatedAt;

	private long version = 1;

	ServiceRecord(String id, String appId, long sequence, Instant createdAt, SandboxSlot slot,
			DeploymentRecord latest, LifeCycle lifeCycle) {
		this.id = id;
		this.appId = appId;
		this.sequence = sequence;
		this.createdAt = createdAt;
		this.slot = slot;
		this.latest = latest;
		this.lifeCycle = lifeCycle;
		this.updatedAt = createdAt;
	}

	String id() {
		return this.id;
	}

	String appId() {
		return this.appId;
	}

	/**
	 * The position of the service in creation order.
	 * @return the sequence number
	 */
	long sequence() {
		return this.sequence;
	}

	String name() {
		return this.latest.spec().name();
	}

	Instant createdAt() {
		return this.createdAt;
	}

	SandboxSlot slot() {
		return this.slot;
	}

	DeploymentRecord latest() {
		return this.latest;
	}

	LifeCycle lifeCycle() {
		return this.lifeCycle;
	}

	/**
	 * The deletion status.
	 * @return {@code DELETING} or {@code DELETED}, or {@code null} while the service is live
	 */
	@Nullable ResourceStatus teardown() {
		return this.teardown;
	}

	boolean isLive() {
		return this.teardown == null;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	@Nullable Instant terminatedAt() {
		return this.terminatedAt;
	}

	long version() {
		return this.version;
	}

	void changeLifeCycle(LifeCycle lifeCycle, Instant now) {
		this.lifeCycle = lifeCycle;
		changed(now);
	}

	void redeploy(DeploymentRecord deployment, Instant now) {
		this.latest.stop(now);
		this.latest = deployment;
		changed(now);
	}

	void markDeleting(Instant now) {
		this.teardown = ResourceStatus.DELETING;
		changed(now);
	}

	void markDeleted(Instant now) {
		this.teardown = ResourceStatus.DELETED;
		this.terminatedAt = now;
		this.latest.stop(now);
		changed(now);
	}

	private void changed(Instant now) {
		this.updatedAt = now;
		this.version++;
	}

}

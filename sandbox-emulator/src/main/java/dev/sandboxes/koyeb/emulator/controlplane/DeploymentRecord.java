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
 * The stored state of a deployment and the executor traffic of its sandbox. Its status before
 * {@code HEALTHY} is derived from the time by {@link StatusProgression}. Guarded by the lock of
 * {@link ControlPlaneState}.
 */
final class DeploymentRecord {

	private final String id;

	private final String serviceId;

	private final String appId;

	private final String routingKey;

	private final Instant createdAt;

	private final DeploymentSpec spec;

	private @Nullable String failure;

	private @Nullable Instant stoppedAt;

	private @Nullable Instant sleptAt;

	private Instant lastActivity;

	private int inFlight;

	private Instant updatedAt;

	private long version = 1;

	DeploymentRecord(String id, String serviceId, String appId, String routingKey, Instant createdAt,
			DeploymentSpec spec, Instant healthyAt) {
		this.id = id;
		this.serviceId = serviceId;
		this.appId = appId;
		this.routingKey = routingKey;
		this.createdAt = createdAt;
		this.spec = spec;
		this.lastActivity = healthyAt;
		this.updatedAt = createdAt;
	}

	String id() {
		return this.id;
	}

	String serviceId() {
		return this.serviceId;
	}

	String appId() {
		return this.appId;
	}

	String routingKey() {
		return this.routingKey;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	DeploymentSpec spec() {
		return this.spec;
	}

	/**
	 * Why the deployment failed.
	 * @return the message, or {@code null} unless it is in {@code ERROR}
	 */
	@Nullable String failure() {
		return this.failure;
	}

	@Nullable Instant stoppedAt() {
		return this.stoppedAt;
	}

	/**
	 * When the sandbox went to sleep.
	 * @return the instant, or {@code null} when it is awake
	 */
	@Nullable Instant sleptAt() {
		return this.sleptAt;
	}

	/**
	 * When the sandbox last had executor traffic, or became healthy if it never had any.
	 * @return the instant
	 */
	Instant lastActivity() {
		return this.lastActivity;
	}

	/**
	 * How many executor requests are in flight.
	 * @return the count
	 */
	int inFlight() {
		return this.inFlight;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	long version() {
		return this.version;
	}

	/**
	 * Whether it serves executor traffic: neither failed nor stopped.
	 * @return whether it is running or sleeping
	 */
	boolean isRunning() {
		return this.failure == null && this.stoppedAt == null;
	}

	void fail(String message, Instant now) {
		this.failure = message;
		changed(now);
	}

	void stop(Instant now) {
		this.stoppedAt = now;
		this.sleptAt = null;
		changed(now);
	}

	void sleep(Instant now) {
		this.sleptAt = now;
		changed(now);
	}

	/**
	 * Start an executor request, waking the sandbox if it sleeps.
	 * @param now the current time
	 * @return whether it was asleep
	 */
	boolean enter(Instant now) {
		this.inFlight++;
		this.lastActivity = now;
		if (this.sleptAt == null) {
			return false;
		}
		this.sleptAt = null;
		changed(now);
		return true;
	}

	void exit(Instant now) {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.lastActivity = now;
	}

	private void changed(Instant now) {
		this.updatedAt = now;
		this.version++;
	}

}

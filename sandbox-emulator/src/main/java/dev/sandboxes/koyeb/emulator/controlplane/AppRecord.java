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
 * The stored state of an app. Guarded by the lock of {@link ControlPlaneState}.
 */
final class AppRecord {

	private final String id;

	private final String name;

	private final boolean deleteWhenEmpty;

	private final Instant createdAt;

	private ResourceStatus status = ResourceStatus.HEALTHY;

	private Instant updatedAt;

	private @Nullable Instant terminatedAt;

	private long version = 1;

	AppRecord(String id, String name, boolean deleteWhenEmpty, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.deleteWhenEmpty = deleteWhenEmpty;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	boolean deleteWhenEmpty() {
		return this.deleteWhenEmpty;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	ResourceStatus status() {
		return this.status;
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

	void changeStatus(ResourceStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
		this.version++;
		if (status == ResourceStatus.DELETED) {
			this.terminatedAt = now;
		}
	}

}

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

/**
 * Why a sandbox was deleted, as logged.
 */
enum DeletionReason {

	/** A {@code DELETE} of the service or of its app. */
	API("api"),

	/** Its {@code life_cycle.delete_after_create} elapsed. */
	DELETE_AFTER_CREATE("delete_after_create"),

	/** Its {@code life_cycle.delete_after_sleep} elapsed. */
	DELETE_AFTER_SLEEP("delete_after_sleep"),

	/** The control plane was closed. */
	SHUTDOWN("shutdown");

	private final String logName;

	DeletionReason(String logName) {
		this.logName = logName;
	}

	@Override
	public String toString() {
		return this.logName;
	}

}

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

package dev.sandboxes.koyeb.emulator.runtime;

/**
 * Status of a background process, as the executor reports it.
 *
 * @since 0.1.0
 */
public enum ProcessStatus {

	/** Still running. */
	RUNNING("running"),

	/** Exited with code 0. */
	COMPLETED("completed"),

	/** Exited with a non-zero code. */
	FAILED("failed"),

	/** Killed through the executor. */
	KILLED("killed");

	private final String wireName;

	ProcessStatus(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The status as it appears on the wire.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

}

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

package dev.sandboxes.koyeb;

import java.util.Locale;

/**
 * State of a background process in a sandbox.
 *
 * @since 0.1.0
 */
public enum ProcessStatus {

	/**
	 * Still running.
	 */
	RUNNING,

	/**
	 * Exited with code 0.
	 */
	COMPLETED,

	/**
	 * Exited with a non-zero code.
	 */
	FAILED,

	/**
	 * Terminated by a signal.
	 */
	KILLED,

	/**
	 * A status this client does not know.
	 */
	UNKNOWN;

	/**
	 * Map the executor's status text to a status.
	 * @param value the status as sent by the executor
	 * @return the status, {@link #UNKNOWN} for an unknown value
	 */
	public static ProcessStatus fromWire(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "running" -> RUNNING;
			case "completed" -> COMPLETED;
			case "failed" -> FAILED;
			case "killed" -> KILLED;
			default -> UNKNOWN;
		};
	}

}

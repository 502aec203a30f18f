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

import java.time.Duration;

/**
 * Limits Koyeb applies to sandboxes, checked by the client before any HTTP call.
 *
 * @since 0.1.0
 */
public final class SandboxLimits {

	/**
	 * Shortest non-zero delay of deletion after creation.
	 */
	public static final Duration DELETE_AFTER_CREATE_MIN = Duration.ofSeconds(60);

	/**
	 * Longest delay of deletion after creation, measured from the sandbox's creation.
	 */
	public static final Duration DELETE_AFTER_CREATE_MAX = Duration.ofHours(24);

	/**
	 * Shortest non-zero delay of deletion after the sandbox went to sleep.
	 */
	public static final Duration DELETE_AFTER_SLEEP_MIN = Duration.ofSeconds(60);

	/**
	 * Longest delay of deletion after the sandbox went to sleep.
	 */
	public static final Duration DELETE_AFTER_SLEEP_MAX = Duration.ofHours(12);

	/**
	 * Shortest non-zero idle time before a sandbox scales to zero (deep sleep).
	 */
	public static final Duration IDLE_TIMEOUT_MIN = Duration.ofMinutes(5);

	/**
	 * Longest idle time before a sandbox scales to zero (deep sleep).
	 */
	public static final Duration IDLE_TIMEOUT_MAX = Duration.ofHours(2);

	/**
	 * Longest sandbox (service) name.
	 */
	public static final int NAME_MAX_LENGTH = 63;

	/**
	 * Shortest sandbox (service) name.
	 */
	public static final int NAME_MIN_LENGTH = 2;

	private SandboxLimits() {
	}

}

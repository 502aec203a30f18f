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

import org.jspecify.annotations.Nullable;

/**
 * Server-side deletion rules of a sandbox. {@link Duration#ZERO} turns a rule off; a
 * {@code null} component leaves the current value unchanged in an update. Values set by the
 * client are checked against {@link SandboxLimits} before they are sent.
 *
 * @param deleteAfter delay after creation at which Koyeb deletes the sandbox, measured
 * from its creation
 * @param deleteAfterInactivity delay after the sandbox went to sleep at which Koyeb deletes
 * it
 * @since 0.1.0
 */
public record SandboxLifecycle(@Nullable Duration deleteAfter, @Nullable Duration deleteAfterInactivity) {

	/**
	 * Lifecycle with both rules off.
	 */
	public static final SandboxLifecycle NONE = new SandboxLifecycle(Duration.ZERO, Duration.ZERO);

	/**
	 * Create a lifecycle that deletes the sandbox at the given age.
	 * @param deleteAfter the age, measured from creation
	 * @return the lifecycle, leaving deletion after inactivity unchanged
	 */
	public static SandboxLifecycle deleteAfter(Duration deleteAfter) {
		return new SandboxLifecycle(deleteAfter, null);
	}

	/**
	 * Create a lifecycle that deletes the sandbox after it slept the given time.
	 * @param deleteAfterInactivity the time asleep
	 * @return the lifecycle, leaving deletion after creation unchanged
	 */
	public static SandboxLifecycle deleteAfterInactivity(Duration deleteAfterInactivity) {
		return new SandboxLifecycle(null, deleteAfterInactivity);
	}

}

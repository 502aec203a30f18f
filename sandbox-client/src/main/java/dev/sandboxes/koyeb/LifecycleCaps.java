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
 * A policy stricter than Koyeb's limits: the longest deletion delays a sandbox may have.
 * Under a cap, a rule must be on (not zero) and no longer than the cap.
 */
final class LifecycleCaps {

	static final LifecycleCaps NONE = new LifecycleCaps(null, null);

	private final @Nullable Duration deleteAfter;

	private final @Nullable Duration deleteAfterInactivity;

	private LifecycleCaps(@Nullable Duration deleteAfter, @Nullable Duration deleteAfterInactivity) {
		this.deleteAfter = deleteAfter;
		this.deleteAfterInactivity = deleteAfterInactivity;
	}

	/**
	 * Create caps from a lifecycle whose components are the maxima ({@code null} or zero
	 * meaning no cap beyond Koyeb's limits).
	 */
	static LifecycleCaps of(SandboxLifecycle maxima) {
		SpecValidation.checkLifecycle(maxima);
		return new LifecycleCaps(capOrNull(maxima.deleteAfter()), capOrNull(maxima.deleteAfterInactivity()));
	}

	private static @Nullable Duration capOrNull(@Nullable Duration value) {
		return (value == null || value.isZero()) ? null : value;
	}

	/**
	 * Return the longest delay of deletion after creation this policy allows.
	 */
	Duration maxDeleteAfter() {
		return (this.deleteAfter != null) ? this.deleteAfter : SandboxLimits.DELETE_AFTER_CREATE_MAX;
	}

	/**
	 * Check the rules a sandbox is about to get; a {@code null} rule is not being set.
	 */
	void check(@Nullable Duration deleteAfter, @Nullable Duration deleteAfterInactivity) {
		check("deleteAfter", deleteAfter, this.deleteAfter);
		check("deleteAfterInactivity", deleteAfterInactivity, this.deleteAfterInactivity);
	}

	private static void check(String field, @Nullable Duration value, @Nullable Duration cap) {
		if (cap == null || value == null) {
			return;
		}
		if (value.isZero() || value.compareTo(cap) > 0) {
			throw new InvalidSandboxSpecException(field, value.isZero() ? "0 (off)" : value,
					"must be from 60 s to " + cap.toSeconds() + " s: the lifecycle caps forbid "
							+ (value.isZero() ? "turning it off" : "a longer delay"));
		}
	}

	@Override
	public String toString() {
		return "LifecycleCaps[deleteAfter=" + this.deleteAfter + ", deleteAfterInactivity="
				+ this.deleteAfterInactivity + "]";
	}

}

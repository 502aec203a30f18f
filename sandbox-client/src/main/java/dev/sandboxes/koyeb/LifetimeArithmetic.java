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
 * Converts "delete N from now" into Koyeb's {@code delete_after_create}, which is measured
 * from the sandbox's creation: the sandbox's age plus N, rounded up to whole seconds and
 * checked against Koyeb's limit or a stricter cap.
 */
final class LifetimeArithmetic {

	private LifetimeArithmetic() {
	}

	static Duration deleteAfterFromNow(Duration age, Duration fromNow, Duration max) {
		Duration total = (age.isNegative() ? Duration.ZERO : age).plus(fromNow);
		long seconds = total.toSeconds() + ((total.toNanosPart() > 0) ? 1 : 0);
		Duration deleteAfter = Duration.ofSeconds(Math.max(seconds, SandboxLimits.DELETE_AFTER_CREATE_MIN.toSeconds()));
		if (deleteAfter.compareTo(max) > 0) {
			throw new InvalidSandboxSpecException("deleteAfter", fromNow,
					"the sandbox is " + age.toSeconds() + " s old and may live at most "
							+ max.toSeconds() + " s after its creation, so at most "
							+ Math.max(0, max.minus(age).toSeconds())
							+ " s from now");
		}
		return deleteAfter;
	}

}

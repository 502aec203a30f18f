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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LifetimeArithmetic}.
 */
class LifetimeArithmeticTests {

	private static final Duration MAX = SandboxLimits.DELETE_AFTER_CREATE_MAX;

	@Test
	void extendingAddsTheAgeToTheRequestedTime() {
		assertThat(LifetimeArithmetic.deleteAfterFromNow(Duration.ofMinutes(20), Duration.ofMinutes(30), MAX))
			.isEqualTo(Duration.ofMinutes(50));
	}

	@Test
	void partialSecondsRoundUp() {
		assertThat(LifetimeArithmetic.deleteAfterFromNow(Duration.ofMillis(10_200), Duration.ofMinutes(1), MAX))
			.isEqualTo(Duration.ofSeconds(71));
	}

	@Test
	void neverGoesBelowKoyebsMinimum() {
		assertThat(LifetimeArithmetic.deleteAfterFromNow(Duration.ZERO, Duration.ofSeconds(5), MAX))
			.isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void exactlyTwentyFourHoursAfterCreationIsAllowed() {
		assertThat(LifetimeArithmetic.deleteAfterFromNow(Duration.ofHours(23), Duration.ofHours(1), MAX))
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void beyondTwentyFourHoursAfterCreationIsRejectedWithWhatRemains() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> LifetimeArithmetic.deleteAfterFromNow(Duration.ofHours(23), Duration.ofHours(2), MAX))
			.withMessage("Invalid deleteAfter 'PT2H': the sandbox is 82800 s old and may live at most 86400 s"
					+ " after its creation, so at most 3600 s from now");
	}

}

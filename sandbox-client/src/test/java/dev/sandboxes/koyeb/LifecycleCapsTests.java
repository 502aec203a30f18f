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
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LifecycleCaps}.
 */
class LifecycleCapsTests {

	private final LifecycleCaps caps = LifecycleCaps
		.of(new SandboxLifecycle(Duration.ofHours(2), Duration.ofMinutes(30)));

	@Test
	void rulesWithinTheCapsPass() {
		assertThatNoException().isThrownBy(() -> this.caps.check(Duration.ofHours(2), Duration.ofMinutes(1)));
		assertThatNoException().isThrownBy(() -> this.caps.check(null, null));
	}

	@Test
	void longerRuleIsRejectedWithTheCap() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> this.caps.check(Duration.ofHours(3), null))
			.withMessage("Invalid deleteAfter 'PT3H': must be from 60 s to 7200 s: the lifecycle caps forbid a longer delay");
	}

	@Test
	void ruleTurnedOffUnderACapIsRejected() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> this.caps.check(null, Duration.ZERO))
			.withMessage("Invalid deleteAfterInactivity '0 (off)': must be from 60 s to 1800 s:"
					+ " the lifecycle caps forbid turning it off");
	}

	@Test
	void zeroOrMissingCapMeansKoyebsLimitOnly() {
		LifecycleCaps none = LifecycleCaps.of(new SandboxLifecycle(Duration.ZERO, null));
		assertThatNoException().isThrownBy(() -> none.check(Duration.ZERO, Duration.ZERO));
		assertThat(none.maxDeleteAfter()).isEqualTo(SandboxLimits.DELETE_AFTER_CREATE_MAX);
		assertThat(this.caps.maxDeleteAfter()).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void capsBeyondKoyebsLimitsAreRejected() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> LifecycleCaps.of(SandboxLifecycle.deleteAfter(Duration.ofHours(25))))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("deleteAfter"));
	}

}

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

import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the naming and lifecycle rules of {@link SandboxCreation}.
 */
class SandboxCreationTests {

	@Test
	void appNameFollowsTheSdkPatternWithAPartUniqueToTheCreation() {
		assertThat(SandboxCreation.appName("build-42", 1_780_000_000L, "x7k2qa"))
			.isEqualTo("sandbox-app-build-42-1780000000-x7k2qa");
	}

	@Test
	void appNameOfALongSandboxNameIsCutToSixtyFourCharacters() {
		String name = SandboxCreation.appName("a".repeat(33) + "-" + "b".repeat(22), 1_780_000_000L, "x7k2qa");
		assertThat(name).hasSize(63).startsWith("sandbox-app-").endsWith("a-1780000000-x7k2qa");
		assertThat(name).doesNotContain("--");
	}

	@Test
	void specLifecycleWinsOverDefaults() {
		SandboxSpec spec = SandboxSpec.builder().deleteAfter(Duration.ofMinutes(10)).build();
		ServiceLifeCycle lifeCycle = SandboxCreation.lifeCycle(spec,
				new SandboxLifecycle(Duration.ofHours(1), Duration.ofMinutes(15)));
		assertThat(lifeCycle).isEqualTo(new ServiceLifeCycle(600L, 900L));
	}

	@Test
	void noLifecycleAnywhereSendsZeros() {
		assertThat(SandboxCreation.lifeCycle(SandboxSpec.builder().build(), new SandboxLifecycle(null, null)))
			.isEqualTo(new ServiceLifeCycle(0L, 0L));
	}

	@Test
	void defaultInactivityDeletionIsNotAppliedToASandboxThatNeverSleeps() {
		SandboxSpec spec = SandboxSpec.builder().idleTimeout(Duration.ZERO).build();
		assertThat(SandboxCreation.lifeCycle(spec, new SandboxLifecycle(Duration.ofHours(1), Duration.ofMinutes(15))))
			.isEqualTo(new ServiceLifeCycle(3600L, 0L));
	}

}

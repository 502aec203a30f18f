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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScaledClockTests {

	private final MutableClock base = new MutableClock();

	@Test
	void startsAtTheBaseInstant() {
		ScaledClock clock = new ScaledClock(this.base, 60);
		assertThat(clock.instant()).isEqualTo(MutableClock.START);
		assertThat(clock.scale()).isEqualTo(60);
	}

	@Test
	void runsScaleTimesFasterThanItsBase() {
		ScaledClock clock = new ScaledClock(this.base, 60);
		this.base.advanceSeconds(1);
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
		this.base.advance(Duration.ofMillis(1500));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:02:30Z"));
		assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-01T00:02:30Z").toEpochMilli());
	}

	@Test
	void countsFromItsCreationNotFromTheEpoch() {
		this.base.advanceSeconds(10);
		ScaledClock clock = new ScaledClock(this.base, 3600);
		this.base.advance(Duration.ofMillis(500));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:30:10Z"));
	}

	@Test
	void scaleOfOneFollowsTheBase() {
		ScaledClock clock = new ScaledClock(this.base, 1);
		this.base.advance(Duration.ofMillis(1234));
		assertThat(clock.instant()).isEqualTo(this.base.instant());
	}

	@Test
	void keepsItsTimeInAnotherZone() {
		ScaledClock clock = new ScaledClock(Clock.fixed(MutableClock.START, ZoneId.of("UTC")), 60);
		Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
		assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(paris.instant()).isEqualTo(MutableClock.START);
		assertThat(clock.getZone()).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void refusesAScaleBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScaledClock(this.base, 0))
			.withMessage("scale must be at least 1");
	}

}

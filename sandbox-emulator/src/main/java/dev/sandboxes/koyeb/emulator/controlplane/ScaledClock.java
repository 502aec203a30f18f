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

import org.springframework.util.Assert;

/**
 * A clock whose time runs {@code scale} times faster than a base clock from the instant it was
 * created: with a scale of 60, one second of base time is one minute of emulated time. Lets tests
 * and demos see minutes of sandbox lifecycle in seconds.
 *
 * @since 0.1.0
 */
public final class ScaledClock extends Clock {

	private final Clock base;

	private final Instant origin;

	private final long scale;

	/**
	 * Create a clock that starts at the base clock's current instant.
	 * @param base the clock whose elapsed time is scaled, usually {@link Clock#systemUTC()}
	 * @param scale how many times faster emulated time runs, at least 1
	 */
	public ScaledClock(Clock base, long scale) {
		this(base, base.instant(), scale);
	}

	private ScaledClock(Clock base, Instant origin, long scale) {
		Assert.notNull(base, "base must not be null");
		Assert.isTrue(scale >= 1, "scale must be at least 1");
		this.base = base;
		this.origin = origin;
		this.scale = scale;
	}

	/**
	 * How many times faster than its base this clock runs.
	 * @return the scale
	 */
	public long scale() {
		return this.scale;
	}

	@Override
	public Instant instant() {
		Duration elapsed = Duration.between(this.origin, this.base.instant());
		return this.origin.plus(elapsed.multipliedBy(this.scale));
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ScaledClock(this.base.withZone(zone), this.origin, this.scale);
	}

	@Override
	public String toString() {
		return "ScaledClock[base=" + this.base + ", origin=" + this.origin + ", scale=" + this.scale + "]";
	}

}

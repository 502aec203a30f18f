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
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Settings of a {@link ControlPlane}.
 *
 * @param clock the clock of every timestamp and lifecycle rule, for example a {@link ScaledClock}
 * @param publicUrl the emulator's base URL, such as {@code http://127.0.0.1:41234}, returned as every
 * deployment's {@code metadata.sandbox.public_url}; read only when a deployment is rendered, so it may
 * become known after the server binds
 * @param deploymentStepDelay how long, in {@code clock} time, a new deployment stays in each of
 * {@code PENDING}, {@code PROVISIONING}, {@code SCHEDULED}, {@code ALLOCATING} and {@code STARTING}
 * before it is {@code HEALTHY}; zero makes it healthy at once
 * @param apiToken the only bearer token accepted, or {@code null} to accept any non-empty token
 * @param lifecycleCheckInterval how often, in real time, lifecycle rules are enforced once started
 * @param organizationId the organization every resource belongs to
 * @since 0.1.0
 */
public record ControlPlaneSettings(Clock clock, Supplier<String> publicUrl, Duration deploymentStepDelay,
		@Nullable String apiToken, Duration lifecycleCheckInterval, String organizationId) {

	/**
	 * Default {@link #lifecycleCheckInterval()}.
	 */
	public static final Duration DEFAULT_LIFECYCLE_CHECK_INTERVAL = Duration.ofMillis(100);

	/**
	 * Default {@link #organizationId()}.
	 */
	public static final String DEFAULT_ORGANIZATION_ID = "emulator";

	/**
	 * Create settings, checking every value.
	 * @param clock see {@link #clock()}
	 * @param publicUrl see {@link #publicUrl()}
	 * @param deploymentStepDelay see {@link #deploymentStepDelay()}
	 * @param apiToken see {@link #apiToken()}
	 * @param lifecycleCheckInterval see {@link #lifecycleCheckInterval()}
	 * @param organizationId see {@link #organizationId()}
	 */
	public ControlPlaneSettings {
		Assert.notNull(clock, "clock must not be null");
		Assert.notNull(publicUrl, "publicUrl must not be null");
		Assert.isTrue(deploymentStepDelay != null && !deploymentStepDelay.isNegative(),
				"deploymentStepDelay must not be negative");
		Assert.isTrue(apiToken == null || !apiToken.isBlank(), "apiToken must be null or not blank");
		Assert.isTrue(lifecycleCheckInterval != null && !lifecycleCheckInterval.isNegative()
				&& !lifecycleCheckInterval.isZero(),
				"lifecycleCheckInterval must be positive");
		Assert.hasText(organizationId, "organizationId must not be empty");
	}

	/**
	 * Settings with the system UTC clock, no deployment delay, any token accepted, the default
	 * lifecycle check interval and organization.
	 * @param publicUrl the emulator's base URL
	 * @return the settings
	 */
	public static ControlPlaneSettings defaults(Supplier<String> publicUrl) {
		return new ControlPlaneSettings(Clock.systemUTC(), publicUrl, Duration.ZERO, null,
				DEFAULT_LIFECYCLE_CHECK_INTERVAL, DEFAULT_ORGANIZATION_ID);
	}

	/**
	 * Copy with another clock.
	 * @param clock the clock
	 * @return the settings
	 */
	public ControlPlaneSettings withClock(Clock clock) {
		return new ControlPlaneSettings(clock, this.publicUrl, this.deploymentStepDelay, this.apiToken,
				this.lifecycleCheckInterval, this.organizationId);
	}

	/**
	 * Copy with another deployment step delay.
	 * @param deploymentStepDelay the delay of each deployment step
	 * @return the settings
	 */
	public ControlPlaneSettings withDeploymentStepDelay(Duration deploymentStepDelay) {
		return new ControlPlaneSettings(this.clock, this.publicUrl, deploymentStepDelay, this.apiToken,
				this.lifecycleCheckInterval, this.organizationId);
	}

	/**
	 * Copy that accepts only one API token.
	 * @param apiToken the token, or {@code null} to accept any
	 * @return the settings
	 */
	public ControlPlaneSettings withApiToken(@Nullable String apiToken) {
		return new ControlPlaneSettings(this.clock, this.publicUrl, this.deploymentStepDelay, apiToken,
				this.lifecycleCheckInterval, this.organizationId);
	}

	/**
	 * Copy with another lifecycle check interval.
	 * @param lifecycleCheckInterval the real-time interval
	 * @return the settings
	 */
	public ControlPlaneSettings withLifecycleCheckInterval(Duration lifecycleCheckInterval) {
		return new ControlPlaneSettings(this.clock, this.publicUrl, this.deploymentStepDelay, this.apiToken,
				lifecycleCheckInterval, this.organizationId);
	}

	/**
	 * Copy with another organization id.
	 * @param organizationId the organization id
	 * @return the settings
	 */
	public ControlPlaneSettings withOrganizationId(String organizationId) {
		return new ControlPlaneSettings(this.clock, this.publicUrl, this.deploymentStepDelay, this.apiToken,
				this.lifecycleCheckInterval, organizationId);
	}

	@Override
	public String toString() {
		return "ControlPlaneSettings[clock=" + this.clock + ", deploymentStepDelay=" + this.deploymentStepDelay
				+ ", apiToken=" + ((this.apiToken != null) ? "<redacted>" : "<any>") + ", lifecycleCheckInterval="
				+ this.lifecycleCheckInterval + ", organizationId=" + this.organizationId + "]";
	}

}

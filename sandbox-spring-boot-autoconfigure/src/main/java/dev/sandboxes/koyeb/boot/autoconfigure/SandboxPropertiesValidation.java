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
package dev.sandboxes.koyeb.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.sandboxes.koyeb.SandboxLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Checks of {@link SandboxProperties}: each rejection names the property (in its
 * configuration form, as Boot's failure report prints it), the value and what is allowed.
 */
final class SandboxPropertiesValidation {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final Pattern LETTER_OR_DIGIT = Pattern.compile(".*[A-Za-z0-9].*");

	private static final String CODE = "invalid";

	private SandboxPropertiesValidation() {
	}

	static void validate(SandboxProperties properties, Errors errors) {
		checkBaseUrl(properties.getBaseUrl(), errors);
		checkSlug("region", properties.getRegion(), errors);
		checkSlug("instance-type", properties.getInstanceType(), errors);
		if (properties.getImage().isBlank()) {
			reject(errors, "image", properties.getImage(), "must not be empty");
		}
		checkPositive("request-timeout", properties.getRequestTimeout(), errors);
		checkPositive("ready-timeout", properties.getReadyTimeout(), errors);
		checkPositive("exec-timeout", properties.getExecTimeout(), errors);
		String owner = properties.getOwner();
		if (owner != null && !LETTER_OR_DIGIT.matcher(owner).matches()) {
			reject(errors, "owner", owner, "must contain at least one letter or digit");
		}
		checkLifecycle(properties.getLifecycle(), errors);
		checkReaper(properties.getReaper(), errors);
		checkEmulator(properties.getEmulator(), errors);
	}

	private static void checkBaseUrl(URI baseUrl, Errors errors) {
		String scheme = baseUrl.getScheme();
		if (!("https".equals(scheme) || "http".equals(scheme)) || baseUrl.getHost() == null) {
			reject(errors, "base-url", baseUrl, "must be an absolute http or https URL, such as https://app.koyeb.com");
		}
	}

	private static void checkSlug(String field, String value, Errors errors) {
		if (value.length() < 2 || value.length() > 32 || !SLUG.matcher(value).matches()) {
			reject(errors, field, value,
					"must be 2 to 32 lowercase letters, digits and '-', starting and ending with a letter or digit");
		}
	}

	private static void checkLifecycle(SandboxProperties.Lifecycle lifecycle, Errors errors) {
		String deleteAfter = "lifecycle.delete-after";
		String deleteAfterInactivity = "lifecycle.delete-after-inactivity";
		checkRule(deleteAfter, lifecycle.getDeleteAfter(), SandboxLimits.DELETE_AFTER_CREATE_MIN,
				SandboxLimits.DELETE_AFTER_CREATE_MAX, true, errors);
		checkRule(deleteAfterInactivity, lifecycle.getDeleteAfterInactivity(), SandboxLimits.DELETE_AFTER_SLEEP_MIN,
				SandboxLimits.DELETE_AFTER_SLEEP_MAX, true, errors);
		checkRule("lifecycle.max-delete-after", lifecycle.getMaxDeleteAfter(), SandboxLimits.DELETE_AFTER_CREATE_MIN,
				SandboxLimits.DELETE_AFTER_CREATE_MAX, false, errors);
		checkRule("lifecycle.max-delete-after-inactivity", lifecycle.getMaxDeleteAfterInactivity(),
				SandboxLimits.DELETE_AFTER_SLEEP_MIN, SandboxLimits.DELETE_AFTER_SLEEP_MAX, false, errors);
		checkWithinCap(deleteAfter, lifecycle.getDeleteAfter(), "max-delete-after", lifecycle.getMaxDeleteAfter(),
				errors);
		checkWithinCap(deleteAfterInactivity, lifecycle.getDeleteAfterInactivity(), "max-delete-after-inactivity",
				lifecycle.getMaxDeleteAfterInactivity(), errors);
	}

	private static void checkRule(String field, @Nullable Duration value, Duration min, Duration max,
			boolean zeroAllowed, Errors errors) {
		if (value == null || (zeroAllowed && value.isZero())) {
			return;
		}
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.toNanosPart() != 0) {
			reject(errors, field, value, "must be " + (zeroAllowed ? "0 (off) or " : "") + "whole seconds from "
					+ describe(min) + " to " + describe(max));
		}
	}

	private static void checkWithinCap(String field, Duration value, String capProperty, @Nullable Duration cap,
			Errors errors) {
		if (cap != null && !cap.isNegative() && !cap.isZero() && (value.isZero() || value.compareTo(cap) > 0)) {
			reject(errors, field, value, "must be from 60 s to " + describe(cap) + ", the value of "
					+ SandboxProperties.PREFIX + ".lifecycle." + capProperty);
		}
	}

	private static void checkReaper(SandboxProperties.Reaper reaper, Errors errors) {
		Duration interval = reaper.getInterval();
		if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(24)) > 0) {
			reject(errors, "reaper.interval", interval, "must be from 1 s to 24 h");
		}
		if (reaper.getMaxAge() != null) {
			checkPositive("reaper.max-age", reaper.getMaxAge(), errors);
		}
		if (reaper.getMaxIdle() != null) {
			checkPositive("reaper.max-idle", reaper.getMaxIdle(), errors);
		}
	}

	private static void checkEmulator(SandboxProperties.Emulator emulator, Errors errors) {
		if (emulator.getPort() < 0 || emulator.getPort() > 65535) {
			reject(errors, "emulator.port", emulator.getPort(), "must be from 0 (any free port) to 65535");
		}
		if (emulator.getTimeScale() < 1 || emulator.getTimeScale() > 100_000) {
			reject(errors, "emulator.time-scale", emulator.getTimeScale(), "must be from 1 (real time) to 100000");
		}
	}

	private static void checkPositive(String field, Duration value, Errors errors) {
		if (value.isNegative() || value.isZero()) {
			reject(errors, field, value, "must be a positive duration");
		}
	}

	private static void reject(Errors errors, String field, Object value, String allowed) {
		String shown = (value instanceof Duration duration) ? describe(duration) : String.valueOf(value);
		errors.rejectValue(field, CODE, "'" + shown + "' is not allowed: " + allowed);
	}

	private static String describe(Duration duration) {
		if (!duration.isNegative() && duration.toNanosPart() == 0) {
			long seconds = duration.toSeconds();
			if (seconds >= 3600 && seconds % 3600 == 0) {
				return (seconds / 3600) + " h";
			}
			if (seconds >= 60 && seconds % 60 == 0) {
				return (seconds / 60) + " min";
			}
			return seconds + " s";
		}
		return duration.toString();
	}

}

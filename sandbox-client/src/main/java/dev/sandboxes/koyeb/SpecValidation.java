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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the specs and handles, each failing with an
 * {@link InvalidSandboxSpecException} that names the field, the value and what is allowed.
 */
final class SpecValidation {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final int MAX_PATH_LENGTH = 4096;

	/**
	 * Linux's limit for one argument or environment entry of a program, terminating NUL
	 * included ({@code MAX_ARG_STRLEN}): a command is one argument of {@code sh -c}.
	 */
	private static final int MAX_ARGUMENT_BYTES = 128 * 1024;

	private SpecValidation() {
	}

	/**
	 * Check a lifecycle-like duration: {@code null} (unset), zero (off), or whole seconds
	 * within {@code [min, max]}.
	 */
	static void checkRange(String field, @Nullable Duration value, Duration min, Duration max) {
		if (value == null || value.isZero()) {
			return;
		}
		if (value.isNegative() || value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.toNanosPart() != 0) {
			throw new InvalidSandboxSpecException(field, value,
					"must be 0 (off) or whole seconds from " + min.toSeconds() + " s to " + max.toSeconds() + " s");
		}
	}

	static SandboxLifecycle checkLifecycle(SandboxLifecycle lifecycle) {
		checkRange("deleteAfter", lifecycle.deleteAfter(), SandboxLimits.DELETE_AFTER_CREATE_MIN,
				SandboxLimits.DELETE_AFTER_CREATE_MAX);
		checkRange("deleteAfterInactivity", lifecycle.deleteAfterInactivity(), SandboxLimits.DELETE_AFTER_SLEEP_MIN,
				SandboxLimits.DELETE_AFTER_SLEEP_MAX);
		return lifecycle;
	}

	static String checkName(String field, @Nullable String name, int minLength, int maxLength) {
		if (name == null || name.length() < minLength || name.length() > maxLength || !SLUG.matcher(name).matches()) {
			throw new InvalidSandboxSpecException(field, name, "must be " + minLength + " to " + maxLength
					+ " characters of lowercase letters, digits and '-', starting and ending with a letter or digit");
		}
		return name;
	}

	static String checkEnvKey(String key) {
		if (!ENV_KEY.matcher(key).matches()) {
			throw new InvalidSandboxSpecException("env key", key,
					"must start with a letter or '_' and contain only letters, digits and '_'");
		}
		return key;
	}

	static String checkNotBlank(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidSandboxSpecException(field, value, "must not be empty");
		}
		if (value.indexOf('\0') >= 0) {
			throw new InvalidSandboxSpecException(field, value.replace("\0", "\\0"), "must not contain NUL characters");
		}
		if (hasUnpairedSurrogate(value)) {
			throw new InvalidSandboxSpecException(field, escapeUnpairedSurrogates(value),
					"must be valid Unicode: a surrogate character misses its pair");
		}
		return value;
	}

	/**
	 * Check a command: not empty, and no longer than Linux allows one argument to be.
	 */
	static String checkCommand(@Nullable String command) {
		String checked = checkNotBlank("command", command);
		int bytes = checked.getBytes(StandardCharsets.UTF_8).length;
		if (bytes >= MAX_ARGUMENT_BYTES) {
			throw new InvalidSandboxSpecException("command", checked.substring(0, 64) + "...",
					"must be at most " + (MAX_ARGUMENT_BYTES - 1) + " bytes of UTF-8, Linux's limit for one argument "
							+ "(write a longer script to a file and run it), was " + bytes);
		}
		return checked;
	}

	/**
	 * Check the value of an environment variable, which is never shown: no NUL, valid
	 * Unicode, and {@code KEY=value} no longer than Linux allows one environment entry to be.
	 */
	static String checkEnvValue(String key, String value) {
		String field = "env value for key";
		if (value.indexOf('\0') >= 0) {
			throw new InvalidSandboxSpecException(field, key, "must not contain NUL characters");
		}
		if (hasUnpairedSurrogate(value)) {
			throw new InvalidSandboxSpecException(field, key, "must be valid Unicode: a surrogate character misses its pair");
		}
		int bytes = (key + "=" + value).getBytes(StandardCharsets.UTF_8).length;
		if (bytes >= MAX_ARGUMENT_BYTES) {
			throw new InvalidSandboxSpecException(field, key, "must be at most " + (MAX_ARGUMENT_BYTES - 1)
					+ " bytes of UTF-8 with 'KEY=', Linux's limit for one environment entry, was " + bytes);
		}
		return value;
	}

	private static boolean hasUnpairedSurrogate(String text) {
		return text.codePoints().anyMatch((codePoint) -> Character.isBmpCodePoint(codePoint)
				&& Character.isSurrogate((char) codePoint));
	}

	private static String escapeUnpairedSurrogates(String text) {
		StringBuilder escaped = new StringBuilder();
		text.codePoints().forEach((codePoint) -> {
			if (Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint)) {
				escaped.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
			}
			else {
				escaped.appendCodePoint(codePoint);
			}
		});
		return escaped.toString();
	}

	static String checkPath(@Nullable String path) {
		String checked = checkNotBlank("path", path);
		if (checked.length() > MAX_PATH_LENGTH) {
			throw new InvalidSandboxSpecException("path", checked.substring(0, 64) + "...",
					"must be at most " + MAX_PATH_LENGTH + " characters, was " + checked.length());
		}
		return checked;
	}

	static int checkPort(String field, int port) {
		if (port < 1 || port > 65535) {
			throw new InvalidSandboxSpecException(field, port, "must be between 1 and 65535");
		}
		return port;
	}

	static Duration checkPositive(String field, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidSandboxSpecException(field, value, "must be a positive duration");
		}
		return value;
	}

}

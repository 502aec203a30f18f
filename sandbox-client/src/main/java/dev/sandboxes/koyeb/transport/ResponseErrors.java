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

package dev.sandboxes.koyeb.transport;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

import dev.sandboxes.koyeb.SandboxAuthenticationException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxRateLimitException;
import dev.sandboxes.koyeb.SandboxServiceException;
import org.jspecify.annotations.Nullable;

/**
 * Maps an HTTP error response to the matching {@link SandboxException}.
 *
 * @since 0.1.0
 */
public final class ResponseErrors {

	private static final int MAX_BODY_IN_MESSAGE = 512;

	private ResponseErrors() {
	}

	/**
	 * Create the exception for an error response.
	 * @param operation the operation, for example {@code POST /v1/services}
	 * @param endpoint the endpoint named in authentication errors (a base URL)
	 * @param status the HTTP status
	 * @param retryAfter the {@code Retry-After} header, if any
	 * @param body the response body as text
	 * @param redactor removes secrets the body could quote
	 * @return the exception
	 */
	public static SandboxException toException(String operation, String endpoint, int status,
			@Nullable String retryAfter, String body, UnaryOperator<String> redactor) {
		String safeBody = redactor.apply(body);
		String summary = summarize(safeBody);
		if (status == 401 || status == 403) {
			return new SandboxAuthenticationException(operation + " was rejected by " + endpoint + " with HTTP "
					+ status + ((status == 401) ? ": the credentials are missing or wrong" : ": access denied"), status);
		}
		if (status == 404) {
			return new SandboxNotFoundException(operation + " found nothing (HTTP 404)" + summary);
		}
		if (status == 429) {
			return new SandboxRateLimitException(operation + " was rate limited (HTTP 429)" + summary,
					parseRetryAfter(retryAfter));
		}
		return new SandboxServiceException(operation + " failed with HTTP " + status + summary, status, safeBody);
	}

	/**
	 * Parse a {@code Retry-After} header: delay seconds or an HTTP date.
	 * @param value the header value
	 * @return the wait, or {@code null} if absent or unreadable
	 */
	public static @Nullable Duration parseRetryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException dateEx) {
				return null;
			}
		}
	}

	private static String summarize(String body) {
		String trimmed = body.strip();
		if (trimmed.isEmpty()) {
			return "";
		}
		return ": " + ((trimmed.length() > MAX_BODY_IN_MESSAGE) ? trimmed.substring(0, MAX_BODY_IN_MESSAGE) + "..."
				: trimmed);
	}

}

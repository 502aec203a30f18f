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

/**
 * How failed calls are retried: idempotent calls retry server errors (5xx) and network
 * failures with exponential backoff and jitter; every call waits out HTTP 429 as long as
 * its {@code Retry-After} and deadline allow; other calls are not repeated.
 *
 * @param maxRetries the most retries after the first attempt
 * @param firstBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 * @param jitter the random spread applied to each wait, from 0 to 1
 * @since 0.1.0
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff, double jitter) {

	/**
	 * Policy used when none is configured: 4 retries from 200 ms up to 2 s, 50% jitter.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2), 0.5);

	/**
	 * Policy that never retries.
	 */
	public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0);

	/**
	 * Create a policy, checking its values.
	 * @param maxRetries how many times a call may be repeated, at least 0
	 * @param firstBackoff the wait before the first retry, not negative
	 * @param maxBackoff the longest wait between retries, at least {@code firstBackoff}
	 * @param jitter the random share of each wait, from 0 to 1
	 */
	public RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
		}
		if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
			throw new IllegalArgumentException(
					"backoffs must satisfy 0 <= firstBackoff <= maxBackoff, were " + firstBackoff + " and " + maxBackoff);
		}
	}

}

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

import org.jspecify.annotations.Nullable;

/**
 * Thrown when Koyeb keeps answering HTTP 429 after the client has waited as long as the
 * call's deadline allows.
 *
 * @since 0.1.0
 */
public class SandboxRateLimitException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The wait asked for by the last {@code Retry-After} header, if any. */
	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for calls still rate limited at their deadline.
	 * @param message what was refused
	 * @param retryAfter the wait the server last asked for, or {@code null}
	 */
	public SandboxRateLimitException(String message, @Nullable Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the wait the server asked for in its last {@code Retry-After} header.
	 * @return the wait, or {@code null} when the server gave none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}

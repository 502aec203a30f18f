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
 * Thrown when an operation does not complete within its deadline. The client has stopped
 * waiting; for a command, the sandbox may still be running it.
 *
 * @since 0.1.0
 */
public class SandboxTimeoutException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The operation that timed out. */
	private final String operation;

	/** The deadline that expired. */
	private final Duration timeout;

	/**
	 * Create an exception for an operation past its deadline.
	 * @param operation the name of the operation
	 * @param timeout the deadline that expired
	 * @param cause the underlying failure, if any
	 */
	public SandboxTimeoutException(String operation, Duration timeout, @Nullable Throwable cause) {
		super("Sandbox operation '" + operation + "' did not complete within " + timeout, cause);
		this.operation = operation;
		this.timeout = timeout;
	}

	/**
	 * Return the operation that timed out.
	 * @return the operation name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the deadline that expired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}

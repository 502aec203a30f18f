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

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception thrown by the sandbox client. Messages never contain the API
 * token or a sandbox secret.
 *
 * @since 0.1.0
 */
public class SandboxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception with a message.
	 * @param message what failed
	 */
	public SandboxException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message and a cause.
	 * @param message what failed
	 * @param cause the underlying failure, if any
	 */
	public SandboxException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

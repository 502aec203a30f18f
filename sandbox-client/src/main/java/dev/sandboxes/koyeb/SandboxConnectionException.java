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
 * Thrown when the control plane or an executor cannot be reached, or the connection
 * breaks before a complete answer arrives.
 *
 * @since 0.1.0
 */
public class SandboxConnectionException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception for an endpoint that could not be reached or broke off.
	 * @param message what failed and where
	 * @param cause the underlying failure, if any
	 */
	public SandboxConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

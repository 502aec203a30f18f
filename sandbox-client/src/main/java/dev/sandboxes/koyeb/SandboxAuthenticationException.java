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

/**
 * Thrown when the control plane or a sandbox's executor rejects the credentials (HTTP 401
 * or 403). The message names the endpoint, never the credential.
 *
 * @since 0.1.0
 */
public class SandboxAuthenticationException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The HTTP status that rejected the call. */
	private final int statusCode;

	/**
	 * Create an exception for rejected credentials.
	 * @param message what was rejected, naming the endpoint and never the credential
	 * @param statusCode the HTTP status, 401 or 403
	 */
	public SandboxAuthenticationException(String message, int statusCode) {
		super(message);
		this.statusCode = statusCode;
	}

	/**
	 * Return the HTTP status that rejected the call, 401 or 403.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

}

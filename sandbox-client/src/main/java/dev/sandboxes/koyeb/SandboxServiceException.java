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
 * Thrown when the control plane or an executor answers with an error that has no more
 * specific exception, carrying the HTTP status and the response body.
 *
 * @since 0.1.0
 */
public class SandboxServiceException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The HTTP status of the failed response. */
	private final int statusCode;

	/** The body of the failed response, with any known secret redacted. */
	private final String responseBody;

	/**
	 * Create an exception for an error answer.
	 * @param message what failed
	 * @param statusCode the HTTP status
	 * @param responseBody the response body, with any known secret redacted
	 */
	public SandboxServiceException(String message, int statusCode, String responseBody) {
		super(message);
		this.statusCode = statusCode;
		this.responseBody = responseBody;
	}

	/**
	 * Return the HTTP status of the failed response.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the body of the failed response, with any known secret redacted.
	 * @return the response body, possibly empty
	 */
	public String getResponseBody() {
		return this.responseBody;
	}

}

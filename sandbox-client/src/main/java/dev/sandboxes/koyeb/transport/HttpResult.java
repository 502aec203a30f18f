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

/**
 * A successful (2xx) HTTP response with its whole body.
 *
 * @since 0.1.0
 */
public final class HttpResult {

	private final int status;

	private final byte[] body;

	/**
	 * Create a result.
	 * @param status the HTTP status
	 * @param body the body bytes, empty when there was none
	 */
	public HttpResult(int status, byte[] body) {
		this.status = status;
		this.body = body;
	}

	/**
	 * Return the HTTP status.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the body bytes.
	 * @return the body, empty when there was none
	 */
	public byte[] body() {
		return this.body;
	}

	/**
	 * Read the body as JSON.
	 * @param <T> the body type
	 * @param type the body type
	 * @param operation the operation named in errors
	 * @return the body
	 */
	public <T> T json(Class<T> type, String operation) {
		return JsonSupport.read(this.body, type, operation, this.status);
	}

}

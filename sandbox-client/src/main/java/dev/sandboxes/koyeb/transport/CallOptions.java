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
import java.util.function.UnaryOperator;

/**
 * How one HTTP call is made and reported.
 *
 * @param operation the operation named in errors, for example {@code POST /v1/services}
 * @param endpoint the endpoint named in authentication errors, never carrying credentials
 * @param kind whether the call may be repeated
 * @param deadline the deadline of the whole call, retries included
 * @param redactor removes secrets an error body could quote
 * @since 0.1.0
 */
public record CallOptions(String operation, String endpoint, CallKind kind, Duration deadline,
		UnaryOperator<String> redactor) {

	/**
	 * Create options with no redaction.
	 * @param operation the operation
	 * @param endpoint the endpoint
	 * @param kind whether the call may be repeated
	 * @param deadline the deadline
	 * @return the options
	 */
	public static CallOptions of(String operation, String endpoint, CallKind kind, Duration deadline) {
		return new CallOptions(operation, endpoint, kind, deadline, UnaryOperator.identity());
	}

	/**
	 * Return a copy that redacts the given secret from error bodies.
	 * @param secret the secret; an empty secret redacts nothing
	 * @return the new options
	 */
	public CallOptions redacting(String secret) {
		if (secret.isEmpty()) {
			return this;
		}
		UnaryOperator<String> previous = this.redactor;
		return new CallOptions(this.operation, this.endpoint, this.kind, this.deadline,
				(body) -> previous.apply(body).replace(secret, "******"));
	}

}

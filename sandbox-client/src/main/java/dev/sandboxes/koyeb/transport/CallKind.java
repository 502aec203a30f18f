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
 * Whether an HTTP call may be repeated after a failure whose effect is unknown.
 *
 * @since 0.1.0
 */
public enum CallKind {

	/**
	 * Repeating the call has the same effect as making it once (reads, deletes, absolute
	 * updates): retried after server errors and network failures.
	 */
	IDEMPOTENT,

	/**
	 * Repeating the call could do its work twice (create, run a command): retried only
	 * when the server provably did not act (HTTP 429, or a connection never established).
	 */
	NON_IDEMPOTENT

}

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

package dev.sandboxes.koyeb.emulator.executor;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;

/**
 * A live sandbox as the executor sees it. Every request is bracketed by {@link #enter()} and
 * {@link #exit()} so that a sandbox never sleeps while a request is in flight and its idle time
 * counts from the end of its last request.
 *
 * @since 0.1.0
 */
public interface ExecutorTarget {

	/**
	 * Whether a presented bearer token is this sandbox's secret, compared in constant time.
	 * @param presented the token after {@code Bearer }
	 * @return whether it matches
	 */
	boolean acceptsSecret(String presented);

	/**
	 * Start a request: wakes the sandbox if it sleeps (it comes back in its initial state) and
	 * records traffic.
	 * @return the sandbox's runtime
	 */
	RuntimeSandbox enter();

	/**
	 * End a request started with {@link #enter()}.
	 */
	void exit();

}

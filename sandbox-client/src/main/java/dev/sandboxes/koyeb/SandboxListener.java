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
 * Callback told of what a template does to sandboxes: creations, uses and deletions made
 * through it. Used to track activity (for example by a reaper or metrics); a listener must
 * return quickly and is never allowed to fail an operation: what it throws is logged and
 * ignored.
 *
 * @since 0.1.0
 */
public interface SandboxListener {

	/**
	 * Called once the service of a sandbox created through the template exists, before the
	 * sandbox is ready: a creation that fails later is followed by {@link #deleted}.
	 * @param id the sandbox id
	 * @param name the sandbox name
	 */
	default void created(String id, String name) {
	}

	/**
	 * Called when an operation that uses a sandbox starts: a command, a file, process or
	 * port operation, or a lifecycle change. Reading its info or health is not a use.
	 * @param id the sandbox id
	 */
	default void operationStarted(String id) {
	}

	/**
	 * Called when an operation that {@link #operationStarted started} ends, however it
	 * ends: completed, failed or cancelled.
	 * @param id the sandbox id
	 */
	default void operationFinished(String id) {
	}

	/**
	 * Called once a sandbox deleted through the template or its handle is gone (a sandbox
	 * already gone counts as deleted), including one deleted because its creation failed.
	 * @param id the sandbox id
	 */
	default void deleted(String id) {
	}

}

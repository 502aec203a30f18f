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

package dev.sandboxes.koyeb.ai;

/**
 * Thrown when the sandbox of a conversation turns out to be gone, for example deleted after
 * reaching its lifetime, or idle for longer than the idle time and so perhaps asleep with
 * its files reset; the conversation's next call starts a new one.
 */
final class SandboxLostException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SandboxLostException() {
		super("The sandbox of this conversation no longer exists");
	}

	SandboxLostException(Throwable cause) {
		super("The sandbox of this conversation no longer exists", cause);
	}

}

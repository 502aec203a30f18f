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

package dev.sandboxes.koyeb.emulator.runtime;

/**
 * A file operation failed. The message is what the executor reports in its {@code error} field,
 * shaped like Go's errors, for example {@code open /tmp/a.txt: no such file or directory}; it names
 * paths as the sandbox sees them, never the host's.
 *
 * @since 0.1.0
 */
public class SandboxFileException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the executor's error text
	 */
	public SandboxFileException(String message) {
		super(message);
	}

}

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
 * Thrown when a file operation inside a sandbox fails; subclasses name the common causes.
 *
 * @since 0.1.0
 */
public class SandboxFileException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The path inside the sandbox the operation was about. */
	private final String path;

	/**
	 * Create an exception for a failed file operation.
	 * @param path the path inside the sandbox
	 * @param message what failed
	 */
	public SandboxFileException(String path, String message) {
		super(message);
		this.path = path;
	}

	/**
	 * Return the path inside the sandbox the operation was about.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

}

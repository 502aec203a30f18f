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
 * Thrown when a directory to delete is not empty inside the sandbox.
 *
 * @since 0.1.0
 */
public class SandboxDirectoryNotEmptyException extends SandboxFileException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception for a directory that is not empty.
	 * @param path the directory inside the sandbox
	 * @param message what failed
	 */
	public SandboxDirectoryNotEmptyException(String path, String message) {
		super(path, message);
	}

}

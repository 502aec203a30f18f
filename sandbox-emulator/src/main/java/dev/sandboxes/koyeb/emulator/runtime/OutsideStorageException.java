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
 * A sandbox path leads outside the sandbox's storage, directly or through a symbolic link.
 */
final class OutsideStorageException extends Exception {

	private final boolean throughSymbolicLink;

	/**
	 * Create an exception.
	 * @param throughSymbolicLink whether a symbolic link led outside
	 */
	OutsideStorageException(boolean throughSymbolicLink) {
		super(throughSymbolicLink ? "A symbolic link leads outside the sandbox's storage"
				: "The path is outside the sandbox's storage", null, false, false);
		this.throughSymbolicLink = throughSymbolicLink;
	}

	/**
	 * Whether a symbolic link led outside, rather than the path itself.
	 * @return whether a link led outside
	 */
	boolean throughSymbolicLink() {
		return this.throughSymbolicLink;
	}

}

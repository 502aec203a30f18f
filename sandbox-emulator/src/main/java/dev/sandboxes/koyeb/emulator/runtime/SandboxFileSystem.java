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

import java.util.List;

/**
 * The file API's view of a sandbox's storage. Paths are the sandbox's own (absolute, or relative to
 * its default working directory); no path, {@code ..} or symbolic link reaches outside the sandbox's
 * storage. Every failure is a {@link SandboxFileException} with the executor's error text.
 *
 * @since 0.1.0
 */
public interface SandboxFileSystem {

	/**
	 * Write a file (mode 0644), replacing it; the parent directory must exist.
	 * @param path the file
	 * @param content the content, stored as UTF-8
	 */
	void write(String path, String content);

	/**
	 * Read a file as UTF-8, invalid sequences replaced by U+FFFD.
	 * @param path the file
	 * @return the content
	 */
	String read(String path);

	/**
	 * Remove a file or an empty directory.
	 * @param path the path
	 */
	void delete(String path);

	/**
	 * Create a directory and its missing parents (mode 0755); succeeds when it exists.
	 * @param path the directory
	 */
	void makeDirectories(String path);

	/**
	 * Remove a path and everything under it; succeeds when it is missing.
	 * @param path the path
	 */
	void deleteRecursively(String path);

	/**
	 * The names in a directory, sorted, not recursive.
	 * @param path the directory
	 * @return the names
	 */
	List<String> list(String path);

}

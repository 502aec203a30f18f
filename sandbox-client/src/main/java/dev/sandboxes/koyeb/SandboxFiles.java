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

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * File operations inside a sandbox. Paths are paths inside the sandbox; writes create
 * missing parent directories.
 *
 * @since 0.1.0
 */
public interface SandboxFiles {

	/**
	 * Read a text file as UTF-8.
	 * @param path the file
	 * @return the content
	 */
	String readString(String path);

	/**
	 * Read a file's exact bytes.
	 * @param path the file
	 * @return the bytes
	 */
	byte[] readBytes(String path);

	/**
	 * Write a text file, replacing any content.
	 * @param path the file
	 * @param content the text
	 */
	void write(String path, String content);

	/**
	 * Write a file whose content on disk is exactly the given bytes.
	 * @param path the file
	 * @param content the bytes
	 */
	void write(String path, byte[] content);

	/**
	 * Write a file from a local file, holding one chunk in memory at a time.
	 * @param source the local file
	 * @param path the file in the sandbox
	 */
	void upload(Path source, String path);

	/**
	 * Write a file from a stream, holding one chunk in memory at a time. The stream is not
	 * closed.
	 * @param source the content
	 * @param path the file in the sandbox
	 */
	void upload(InputStream source, String path);

	/**
	 * Copy a file to a local file, holding one chunk in memory at a time.
	 * @param path the file in the sandbox
	 * @param target the local file, replaced if it exists
	 */
	void download(String path, Path target);

	/**
	 * Copy a file to a stream, holding one chunk in memory at a time. The stream is not
	 * closed.
	 * @param path the file in the sandbox
	 * @param target the destination
	 */
	void download(String path, OutputStream target);

	/**
	 * List the names in a directory, not recursively.
	 * @param path the directory
	 * @return the names
	 */
	List<String> list(String path);

	/**
	 * Create a directory and its missing parents; an existing directory is fine.
	 * @param path the directory
	 */
	void mkdir(String path);

	/**
	 * Delete a file or an empty directory.
	 * @param path the file or directory
	 */
	void delete(String path);

	/**
	 * Delete a directory and everything in it; a missing path is fine.
	 * @param path the directory
	 */
	void deleteRecursively(String path);

	/**
	 * Move or rename a file or directory.
	 * @param source the current path
	 * @param target the new path
	 */
	void move(String source, String target);

	/**
	 * Check whether anything exists at a path.
	 * @param path the path
	 * @return whether it exists
	 */
	boolean exists(String path);

	/**
	 * Check whether a path is a regular file.
	 * @param path the path
	 * @return whether it is a file
	 */
	boolean isFile(String path);

	/**
	 * Check whether a path is a directory.
	 * @param path the path
	 * @return whether it is a directory
	 */
	boolean isDirectory(String path);

}

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

import java.nio.file.Path;
import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive file operations inside a sandbox. Paths are paths inside the sandbox; writes
 * create missing parent directories.
 *
 * @since 0.1.0
 */
public interface ReactiveSandboxFiles {

	/**
	 * Read a text file as UTF-8.
	 * @param path the file
	 * @return the content
	 */
	Mono<String> readString(String path);

	/**
	 * Read a file's exact bytes.
	 * @param path the file
	 * @return the bytes
	 */
	Mono<byte[]> readBytes(String path);

	/**
	 * Write a text file, replacing any content.
	 * @param path the file
	 * @param content the text
	 * @return completion
	 */
	Mono<Void> write(String path, String content);

	/**
	 * Write a file whose content on disk is exactly the given bytes.
	 * @param path the file
	 * @param content the bytes
	 * @return completion
	 */
	Mono<Void> write(String path, byte[] content);

	/**
	 * Write a file from a stream of chunks, holding one chunk in memory at a time.
	 * @param content the chunks
	 * @param path the file
	 * @return completion
	 */
	Mono<Void> upload(Publisher<byte[]> content, String path);

	/**
	 * Write a file from a local file, holding one chunk in memory at a time.
	 * @param source the local file
	 * @param path the file in the sandbox
	 * @return completion
	 */
	Mono<Void> upload(Path source, String path);

	/**
	 * Read a file as a stream of chunks, holding one chunk in memory at a time.
	 * @param path the file
	 * @return the chunks in order
	 */
	Flux<byte[]> download(String path);

	/**
	 * Copy a file to a local file, holding one chunk in memory at a time.
	 * @param path the file in the sandbox
	 * @param target the local file, replaced if it exists
	 * @return completion
	 */
	Mono<Void> download(String path, Path target);

	/**
	 * List the names in a directory, not recursively.
	 * @param path the directory
	 * @return the names
	 */
	Mono<List<String>> list(String path);

	/**
	 * Create a directory and its missing parents; an existing directory is fine.
	 * @param path the directory
	 * @return completion
	 */
	Mono<Void> mkdir(String path);

	/**
	 * Delete a file or an empty directory.
	 * @param path the file or directory
	 * @return completion
	 */
	Mono<Void> delete(String path);

	/**
	 * Delete a directory and everything in it; a missing path is fine.
	 * @param path the directory
	 * @return completion
	 */
	Mono<Void> deleteRecursively(String path);

	/**
	 * Move or rename a file or directory.
	 * @param source the current path
	 * @param target the new path
	 * @return completion
	 */
	Mono<Void> move(String source, String target);

	/**
	 * Check whether anything exists at a path.
	 * @param path the path
	 * @return whether it exists
	 */
	Mono<Boolean> exists(String path);

	/**
	 * Check whether a path is a regular file.
	 * @param path the path
	 * @return whether it is a file
	 */
	Mono<Boolean> isFile(String path);

	/**
	 * Check whether a path is a directory.
	 * @param path the path
	 * @return whether it is a directory
	 */
	Mono<Boolean> isDirectory(String path);

}

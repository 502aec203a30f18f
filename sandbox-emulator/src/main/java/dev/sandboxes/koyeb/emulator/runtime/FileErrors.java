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

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The executor's file error texts, shaped like Go's {@code *os.PathError}:
 * {@code <operation> <sandbox path>: <reason>}, the reason being the lower-case {@code strerror}
 * text Go uses. Java's exception messages are never passed on, because they name host paths.
 */
final class FileErrors {

	static final String NO_SUCH_FILE = "no such file or directory";

	static final String PERMISSION_DENIED = "permission denied";

	static final String READ_ONLY = "read-only file system";

	static final String BUSY = "device or resource busy";

	static final String INVALID_ARGUMENT = "invalid argument";

	private static final String LOOP = "Too many levels of symbolic links";

	private FileErrors() {
	}

	/**
	 * An error with a known reason.
	 * @param operation the Go operation, for example {@code open}
	 * @param path the path as the sandbox requested it
	 * @param reason the reason
	 * @return the exception
	 */
	static SandboxFileException of(String operation, String path, String reason) {
		return new SandboxFileException(operation + " " + path + ": " + reason);
	}

	/**
	 * An error caused by a failed host operation.
	 * @param operation the Go operation, for example {@code open}
	 * @param path the path as the sandbox requested it
	 * @param failure what the host operation threw
	 * @return the exception
	 */
	static SandboxFileException of(String operation, String path, IOException failure) {
		return of(operation, path, reason(failure));
	}

	private static String reason(IOException failure) {
		if (failure instanceof NoSuchFileException) {
			return NO_SUCH_FILE;
		}
		if (failure instanceof FileAlreadyExistsException) {
			return "file exists";
		}
		if (failure instanceof DirectoryNotEmptyException) {
			return "directory not empty";
		}
		if (failure instanceof NotDirectoryException) {
			return "not a directory";
		}
		if (failure instanceof AccessDeniedException) {
			return PERMISSION_DENIED;
		}
		String text = (failure instanceof FileSystemException fileSystemFailure) ? fileSystemFailure.getReason()
				: failure.getMessage();
		if (text == null || text.isEmpty()) {
			return "input/output error";
		}
		if (text.startsWith(LOOP)) {
			// Java adds "or unable to access attributes of symbolic link" to ELOOP.
			text = LOOP;
		}
		return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}

}

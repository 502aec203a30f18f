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

package dev.sandboxes.koyeb.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * The emulator's working directory, where the sandboxes' storage lives. A directory the emulator
 * created itself is removed when it stops.
 *
 * @param root the directory
 * @param temporary whether the emulator created it
 */
record DataDirectory(Path root, boolean temporary) implements AutoCloseable {

	static DataDirectory of(@Nullable Path configured) {
		try {
			if (configured != null) {
				Files.createDirectories(configured);
				return new DataDirectory(configured, false);
			}
			return new DataDirectory(Files.createTempDirectory("koyeb-emulator-"), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the emulator's data directory", ex);
		}
	}

	Path sandboxes() {
		return this.root.resolve("sandboxes");
	}

	@Override
	public void close() {
		if (this.temporary) {
			FileSystemUtils.deleteRecursively(this.root.toFile());
		}
	}

}

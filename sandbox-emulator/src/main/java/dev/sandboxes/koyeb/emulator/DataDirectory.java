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
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * The emulator's working directory, where the sandboxes' storage lives, claimed by the emulator
 * with a file holding its pid. A directory the emulator created itself is removed when it stops,
 * and temporary directories left by emulators that did not stop (a killed JVM) are removed when
 * the next one starts. A configured directory cannot serve two running emulators.
 *
 * @param root the directory
 * @param temporary whether the emulator created it
 */
record DataDirectory(Path root, boolean temporary) implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	private static final String TEMPORARY_PREFIX = "koyeb-emulator-";

	private static final String OWNER_FILE = "emulator.pid";

	static DataDirectory of(@Nullable Path configured) {
		try {
			if (configured != null) {
				Files.createDirectories(configured);
				claim(configured);
				return new DataDirectory(configured, false);
			}
			Path created = Files.createTempDirectory(TEMPORARY_PREFIX);
			claim(created);
			removeAbandoned(created.getParent());
			return new DataDirectory(created, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the emulator's data directory", ex);
		}
	}

	private static void claim(Path root) throws IOException {
		OptionalLong owner = owner(root);
		long self = ProcessHandle.current().pid();
		if (owner.isPresent() && owner.getAsLong() != self && isAlive(owner.getAsLong())) {
			throw new IllegalStateException("The data directory " + root + " is in use by the emulator running as process "
					+ owner.getAsLong());
		}
		Files.writeString(root.resolve(OWNER_FILE), Long.toString(self));
	}

	/**
	 * Remove the temporary directories of emulators that are no longer running. Best effort: a
	 * directory that cannot be removed is reported and left, never a reason not to start.
	 */
	private static void removeAbandoned(@Nullable Path temporaryDirectory) {
		if (temporaryDirectory == null) {
			return;
		}
		List<Path> candidates;
		try (Stream<Path> entries = Files.list(temporaryDirectory)) {
			candidates = entries.filter((entry) -> entry.getFileName().toString().startsWith(TEMPORARY_PREFIX))
				.filter(Files::isDirectory)
				.toList();
		}
		catch (IOException ex) {
			logger.warn("Could not look for directories left by earlier emulators in {}", temporaryDirectory, ex);
			return;
		}
		for (Path candidate : candidates) {
			OptionalLong owner = owner(candidate);
			if (owner.isPresent() && !isAlive(owner.getAsLong())) {
				logger.info("Removing {}, left by an emulator (process {}) that did not stop", candidate,
						owner.getAsLong());
				try {
					FileSystemUtils.deleteRecursively(candidate);
				}
				catch (IOException ex) {
					logger.warn("Could not remove {}, left by an earlier emulator", candidate, ex);
				}
			}
		}
	}

	private static OptionalLong owner(Path root) {
		try {
			return OptionalLong.of(Long.parseLong(Files.readString(root.resolve(OWNER_FILE)).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	Path sandboxes() {
		return this.root.resolve("sandboxes");
	}

	@Override
	public void close() {
		if (this.temporary) {
			FileSystemUtils.deleteRecursively(this.root.toFile());
		}
		else {
			try {
				Files.deleteIfExists(this.root.resolve(OWNER_FILE));
			}
			catch (IOException ex) {
				logger.warn("Could not remove {} from {}", OWNER_FILE, this.root, ex);
			}
		}
	}

}

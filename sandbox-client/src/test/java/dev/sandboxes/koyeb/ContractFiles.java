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

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the files of Koyeb's wire contract ({@code shared/koyeb/...}), kept next to the
 * repository: the directory named by the {@code koyeb.contract.dir} system property, else
 * the first {@code shared/koyeb} found walking up from the working directory.
 */
public final class ContractFiles {

	private static final int MAX_LEVELS_UP = 4;

	private ContractFiles() {
	}

	/**
	 * Return the path of a contract file, failing with a clear message if it is absent.
	 * @param name the file name, for example {@code openapi.json}
	 * @return the path of the file
	 */
	public static Path koyeb(String name) {
		String configured = System.getProperty("koyeb.contract.dir");
		if (configured != null) {
			return existing(Path.of(configured).resolve(name));
		}
		Path directory = Path.of("").toAbsolutePath();
		for (int level = 0; level <= MAX_LEVELS_UP && directory != null; level++) {
			Path candidate = directory.resolve("shared").resolve("koyeb").resolve(name);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
			directory = directory.getParent();
		}
		throw new AssertionError("Koyeb contract file " + name + " not found in shared/koyeb above "
				+ Path.of("").toAbsolutePath() + ": clone the repository next to shared/ or set -Dkoyeb.contract.dir");
	}

	private static Path existing(Path path) {
		if (!Files.isRegularFile(path)) {
			throw new AssertionError("Koyeb contract file not found at " + path);
		}
		return path;
	}

}

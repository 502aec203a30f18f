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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need bubblewrap, and what they run in it: skipped where it is missing, unless
 * the build requires them ({@value #REQUIRED_PROPERTY}{@code =true}, as CI sets), in which case
 * they fail.
 */
public final class Bubblewrap {

	/** The system property that turns a missing bubblewrap into a test failure. */
	public static final String REQUIRED_PROPERTY = "koyeb.emulator.require-bubblewrap";

	private Bubblewrap() {
	}

	/**
	 * Skip the calling test (or fail it, where bubblewrap is required) unless bubblewrap works on
	 * this machine.
	 */
	public static void assumeAvailable() {
		assumePrerequisite(SandboxRuntimes.bubblewrapAvailable(), "Bubblewrap does not work on this machine",
				"install bubblewrap (bwrap) and allow it to create namespaces");
	}

	/**
	 * Skip the calling test (or fail it, where bubblewrap is required) unless a command is on the
	 * {@code PATH}, as the shell's {@code command -v} finds it.
	 * @param command the command, for example {@code gcc}
	 */
	public static void assumeCommand(String command) {
		String path = System.getenv().getOrDefault("PATH", "");
		boolean found = Stream.of(path.split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, command)));
		assumePrerequisite(found, command + " is not installed", "install it (.ci/run does)");
	}

	/**
	 * Skip the calling test (or fail it, where bubblewrap is required) unless a prerequisite of
	 * the isolation tests is met.
	 * @param met whether it is
	 * @param problem what is missing
	 * @param remedy how to provide it
	 */
	public static void assumePrerequisite(boolean met, String problem, String remedy) {
		if (met) {
			return;
		}
		if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
			Assertions.fail(problem + ", but " + REQUIRED_PROPERTY + "=true requires the isolation tests to run: "
					+ remedy + ", or run without -D" + REQUIRED_PROPERTY + "=true to skip these tests");
		}
		Assumptions.abort(problem);
	}

}

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The host's running processes, read from {@code /proc}.
 */
final class HostProcesses {

	private HostProcesses() {
	}

	/**
	 * The pids of running (not zombie) processes whose command line, arguments separated by
	 * spaces, contains a marker.
	 */
	static List<Long> runningWith(String marker) {
		return running((arguments) -> String.join(" ", arguments).contains(marker));
	}

	/**
	 * The pids of running (not zombie) processes with exactly these arguments.
	 */
	static List<Long> running(String... arguments) {
		List<String> expected = List.of(arguments);
		return running(expected::equals);
	}

	private static List<Long> running(Predicate<List<String>> commandLine) {
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			return entries.map((entry) -> entry.getFileName().toString())
				.filter((name) -> name.chars().allMatch(Character::isDigit))
				.map(Long::valueOf)
				.filter((pid) -> commandLine.test(arguments(pid)))
				.filter((pid) -> ProcessHandle.of(pid).map(ProcessTrees::isRunning).orElse(false))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> arguments(long pid) {
		try {
			String commandLine = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8);
			// Every argument ends with a NUL.
			String[] parts = commandLine.split("\0", -1);
			return List.of(parts).subList(0, parts.length - 1);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}

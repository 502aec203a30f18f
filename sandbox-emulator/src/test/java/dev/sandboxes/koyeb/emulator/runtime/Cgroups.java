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
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support for the cgroups that cap bubblewrap sandboxes, shared with the modules built on
 * the emulator.
 */
public final class Cgroups {

	/** The system property that turns caps that cannot be applied into a test failure. */
	public static final String REQUIRED_PROPERTY = "koyeb.emulator.require-cgroups";

	/** The most processes a sandbox may have. */
	public static final long MAX_PROCESSES = SandboxCgroups.MAX_PROCESSES;

	private static final Path MOUNT = Path.of("/sys/fs/cgroup");

	private Cgroups() {
	}

	/**
	 * Skip the calling test (or fail it, where caps are required) unless bubblewrap sandboxes get
	 * caps on this machine.
	 */
	public static void assumeAvailable() {
		Bubblewrap.assumeAvailable();
		try (SandboxCgroups cgroups = SandboxCgroups.detect()) {
			if (cgroups.enabled()) {
				return;
			}
			if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
				Assertions.fail("Sandboxes cannot be capped on this machine (" + cgroups.description() + "), but "
						+ REQUIRED_PROPERTY + "=true requires it: run the tests as root on a host with cgroup v1, "
						+ "or without -D" + REQUIRED_PROPERTY + "=true to skip these tests");
			}
			Assumptions.abort("Sandboxes cannot be capped on this machine: " + cgroups.description());
		}
	}

	/**
	 * The host directories of the cgroups a process is in, by controller.
	 * @param procSelfCgroup the content of the process's {@code /proc/<pid>/cgroup}
	 * @return the directories of its memory, pids and cpu groups
	 */
	public static Map<String, Path> groups(String procSelfCgroup) {
		Map<String, Path> groups = new TreeMap<>();
		for (String line : procSelfCgroup.split("\n", -1)) {
			String[] fields = line.split(":", 3);
			if (fields.length == 3) {
				for (String controller : fields[1].split(",", -1)) {
					if (controller.equals("memory") || controller.equals("pids") || controller.equals("cpu")) {
						groups.put(controller, MOUNT.resolve(controller).resolve(fields[2].substring(1)));
					}
				}
			}
		}
		return groups;
	}

	/**
	 * The cgroups of the sandboxes of every emulator running in this JVM, in the pids
	 * hierarchy.
	 * @return their directories, none where sandboxes are not capped
	 */
	public static List<Path> sandboxGroups() {
		Path pids;
		try {
			pids = groups(Files.readString(Path.of("/proc/self/cgroup"))).get("pids");
		}
		catch (IOException ex) {
			return List.of();
		}
		if (pids == null || !Files.isDirectory(pids)) {
			return List.of();
		}
		List<Path> groups = new ArrayList<>();
		String emulators = "koyeb-emulator-" + ProcessHandle.current().pid() + "-*";
		try (DirectoryStream<Path> owned = Files.newDirectoryStream(pids, emulators)) {
			for (Path emulator : owned) {
				try (DirectoryStream<Path> sandboxes = Files.newDirectoryStream(emulator, Files::isDirectory)) {
					sandboxes.forEach(groups::add);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return groups;
	}

	/**
	 * Read a number from a cgroup's file.
	 * @param group the group's directory
	 * @param file the file, for example {@code pids.max}
	 * @return its value ({@link Long#MAX_VALUE} for {@code max}), or -1 when the group is gone
	 */
	public static long read(Path group, String file) {
		try {
			String value = Files.readString(group.resolve(file)).strip();
			return value.equals("max") ? Long.MAX_VALUE : Long.parseLong(value);
		}
		catch (NoSuchFileException ex) {
			return -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

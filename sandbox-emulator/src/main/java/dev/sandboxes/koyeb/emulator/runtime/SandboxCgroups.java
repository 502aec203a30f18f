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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps what each bubblewrap sandbox may use, as the docker runtime caps its containers: the
 * memory and CPU of the sandbox's instance type ({@link DockerInstanceTypes}), and at most
 * {@value #MAX_PROCESSES} processes, so that a fork bomb or a runaway allocation stays inside its
 * sandbox. Each sandbox gets a cgroup of its own in the memory, pids and (where mounted) cpu
 * hierarchies of cgroup v1, below the emulator's own cgroup:
 * <pre>
 * /sys/fs/cgroup/&lt;controller&gt;/&lt;the emulator's cgroup&gt;/koyeb-emulator-&lt;pid&gt;-&lt;n&gt;/&lt;sandbox id&gt;
 * </pre>
 * Its processes enter it before they run anything ({@link SandboxCgroup#joinCommand()}), and it
 * goes with the sandbox. The groups that an emulator killed before its close left behind are
 * removed by the next one. Caps need cgroup v1 with the memory and pids controllers, writable by
 * the emulator (as root); elsewhere, cgroup v2 included, sandboxes run without caps, which
 * {@link #description()} says.
 */
final class SandboxCgroups implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SandboxCgroups.class);

	/** The most processes (threads included) a sandbox may have at once. */
	static final long MAX_PROCESSES = 512;

	/** The period of the CPU quota. */
	static final long CPU_PERIOD_MICROS = 100_000;

	private static final String PREFIX = "koyeb-emulator-";

	private static final Pattern EMULATOR_GROUP = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");

	private static final List<String> REQUIRED = List.of("memory", "pids");

	private static final List<String> OPTIONAL = List.of("cpu");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final List<Hierarchy> hierarchies;

	private final String description;

	private SandboxCgroups(List<Hierarchy> hierarchies, String description) {
		this.hierarchies = hierarchies;
		this.description = description;
	}

	/**
	 * Find out whether sandboxes can be capped on this machine and, if so, create the emulator's
	 * group in each hierarchy.
	 * @return the cgroups, {@link #enabled() disabled} where caps cannot be applied
	 */
	static SandboxCgroups detect() {
		return detect(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
	}

	/**
	 * Find out whether sandboxes can be capped with the cgroups mounted under a directory.
	 * @param mount where the cgroup hierarchies are mounted
	 * @param ownCgroups the emulator's {@code /proc/self/cgroup}
	 * @return the cgroups
	 */
	static SandboxCgroups detect(Path mount, Path ownCgroups) {
		if (Files.exists(mount.resolve("cgroup.controllers"))) {
			return disabled("this machine has cgroup v2 (a unified hierarchy at " + mount
					+ "), which the emulator does not use yet");
		}
		Map<String, String> own;
		try {
			own = ownPaths(Files.readAllLines(ownCgroups));
		}
		catch (IOException ex) {
			return disabled("cannot read " + ownCgroups + ": " + ex.getMessage());
		}
		String group = PREFIX + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
		List<Hierarchy> hierarchies = new ArrayList<>();
		for (String controller : concat(REQUIRED, OPTIONAL)) {
			Path root = mount.resolve(controller);
			String ownPath = own.get(controller);
			if (ownPath == null || !Files.isDirectory(root)) {
				if (REQUIRED.contains(controller)) {
					return disabled("no cgroup v1 " + controller + " hierarchy is mounted at " + root);
				}
				continue;
			}
			Path ownGroup = root.resolve(ownPath.substring(1));
			removeGroupsOfEndedEmulators(ownGroup);
			hierarchies.add(new Hierarchy(controller, ownGroup.resolve(group)));
		}
		List<Hierarchy> created = new ArrayList<>();
		try {
			for (Hierarchy hierarchy : hierarchies) {
				Files.createDirectory(hierarchy.group());
				created.add(hierarchy);
			}
		}
		catch (IOException ex) {
			created.forEach((hierarchy) -> removeQuietly(hierarchy.group()));
			return disabled("cannot create " + ex.getMessage() + " (" + ex.getClass().getSimpleName()
					+ "): the emulator must run as root, or own its cgroup");
		}
		return new SandboxCgroups(List.copyOf(hierarchies),
				"cgroup v1 (" + String.join(", ", hierarchies.stream().map(Hierarchy::controller).toList())
						+ ") under " + hierarchies.get(0).group().getParent());
	}

	private static SandboxCgroups disabled(String reason) {
		return new SandboxCgroups(List.of(), reason);
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * The emulator's cgroup path in each v1 hierarchy, from lines such as
	 * {@code 4:memory:/user.slice} or {@code 2:cpu,cpuacct:/}.
	 */
	private static Map<String, String> ownPaths(List<String> lines) {
		Map<String, String> paths = new LinkedHashMap<>();
		for (String line : lines) {
			String[] fields = line.split(":", 3);
			if (fields.length == 3 && !fields[1].isEmpty() && fields[2].startsWith("/")) {
				for (String controller : fields[1].split(",", -1)) {
					paths.put(controller, fields[2]);
				}
			}
		}
		return paths;
	}

	/**
	 * Remove the groups, empty by now, of emulators whose process has ended without closing them.
	 */
	private static void removeGroupsOfEndedEmulators(Path ownGroup) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(ownGroup, PREFIX + "*")) {
			for (Path entry : entries) {
				Matcher matcher = EMULATOR_GROUP.matcher(String.valueOf(entry.getFileName()));
				if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
					try (DirectoryStream<Path> sandboxes = Files.newDirectoryStream(entry, Files::isDirectory)) {
						sandboxes.forEach(SandboxCgroups::removeQuietly);
					}
					removeQuietly(entry);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot look for cgroups left by ended emulators in {}", ownGroup, ex);
		}
	}

	private static void removeQuietly(Path group) {
		try {
			Files.deleteIfExists(group);
		}
		catch (IOException ex) {
			logger.debug("Cannot remove cgroup {}", group, ex);
		}
	}

	/**
	 * Whether sandboxes get caps.
	 * @return whether they do
	 */
	boolean enabled() {
		return !this.hierarchies.isEmpty();
	}

	/**
	 * Where the caps live, or why there are none.
	 * @return the description
	 */
	String description() {
		return this.description;
	}

	/**
	 * Create the cgroups of a sandbox with the caps of its instance type.
	 * @param sandboxId the sandbox's id, a safe path segment
	 * @param resources the memory and CPU of its instance type
	 * @return the sandbox's cgroups
	 * @throws IOException if a group cannot be created or capped; none is left then
	 * @throws IllegalStateException if caps are not {@link #enabled()}
	 */
	SandboxCgroup create(String sandboxId, DockerInstanceTypes.Resources resources) throws IOException {
		if (!enabled()) {
			throw new IllegalStateException("Sandboxes are not capped: " + this.description);
		}
		List<Path> created = new ArrayList<>();
		try {
			for (Hierarchy hierarchy : this.hierarchies) {
				Path group = Files.createDirectory(hierarchy.group().resolve(sandboxId));
				created.add(group);
				for (Map.Entry<String, Long> limit : limits(hierarchy.controller(), resources).entrySet()) {
					Path file = group.resolve(limit.getKey());
					if (Files.exists(file)) {
						Files.writeString(file, Long.toString(limit.getValue()));
					}
				}
			}
			return new SandboxCgroup(List.copyOf(created));
		}
		catch (IOException ex) {
			created.forEach(SandboxCgroups::removeQuietly);
			throw ex;
		}
	}

	/**
	 * The limit files of a controller's group and their values, in the order they are written:
	 * swap included in memory where the kernel accounts it, the CPU period before its quota.
	 */
	private static Map<String, Long> limits(String controller, DockerInstanceTypes.Resources resources) {
		Map<String, Long> limits = new LinkedHashMap<>();
		switch (controller) {
			case "memory" -> {
				limits.put("memory.limit_in_bytes", resources.memoryBytes());
				limits.put("memory.memsw.limit_in_bytes", resources.memoryBytes());
			}
			case "pids" -> limits.put("pids.max", MAX_PROCESSES);
			case "cpu" -> {
				limits.put("cpu.cfs_period_us", CPU_PERIOD_MICROS);
				limits.put("cpu.cfs_quota_us", resources.millicpus() * CPU_PERIOD_MICROS / 1000);
			}
			default -> throw new IllegalArgumentException("Unknown controller " + controller);
		}
		return limits;
	}

	/**
	 * Remove the emulator's groups, which its sandboxes' groups must have left already.
	 */
	@Override
	public void close() {
		this.hierarchies.forEach((hierarchy) -> removeQuietly(hierarchy.group()));
	}

	/**
	 * One cgroup v1 hierarchy and the emulator's group in it.
	 */
	private record Hierarchy(String controller, Path group) {

	}

}

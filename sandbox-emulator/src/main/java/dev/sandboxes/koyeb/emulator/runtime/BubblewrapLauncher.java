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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.emulator.runtime.SandboxStorage.MappedDirectory;

/**
 * Runs every command in its own bubblewrap sandbox:
 * <pre>
 * bwrap --die-with-parent --new-session --unshare-pid --unshare-ipc --unshare-uts --hostname sandbox
 *       --cap-drop ALL [--unshare-net]
 *       --ro-bind /usr /usr --ro-bind /etc /etc --symlink usr/bin /bin ...   (every top-level host entry
 *                                                                             but /dev /proc /run and the
 *                                                                             writable directories)
 *       --dev /dev --proc /proc --ro-bind /proc/sys /proc/sys --tmpfs /run
 *       --tmpfs &lt;base directory&gt;
 *       --bind &lt;sandbox&gt;/fs/tmp /tmp --bind &lt;sandbox&gt;/fs/var-tmp /var/tmp
 *       --bind &lt;sandbox&gt;/fs/root /root --bind &lt;sandbox&gt;/fs/home /home
 *       --bind &lt;sandbox&gt;/fs/workspace /workspace
 *       --remount-ro / --chdir &lt;cwd&gt; sh -c &lt;command&gt;
 * </pre>
 * The host is visible read-only and its top-level entries are mounted one by one on bubblewrap's
 * own root, so that {@code /workspace} can exist although the host has none; the root is made
 * read-only last. The tmpfs over the base directory hides every sandbox's storage (where the base
 * directory is visible at all), the writable directories are then bound from the host, so
 * commands see the same absolute paths as the file API. The host's {@code /run} is replaced
 * because read-only mounts do not stop connections to the sockets of host daemons there, and
 * {@code /proc/sys} is made read-only explicitly because bubblewrap leaves it writable when it
 * runs as root. Commands run as the emulator's user without any capability, in their own pid, IPC
 * and UTS namespaces (and network namespace with only a loopback interface when the network is
 * disabled); killing {@code bwrap} ends every process of the command.
 */
final class BubblewrapLauncher implements CommandLauncher {

	private static final String HOSTNAME = "sandbox";

	/** Top-level host entries that bubblewrap replaces with its own. */
	private static final Set<String> REPLACED = Set.of("dev", "proc", "run");

	private final String executable;

	private final Path baseDirectory;

	private final boolean networkEnabled;

	private final List<String> hostView;

	private final Set<String> visibleTopLevel;

	private BubblewrapLauncher(String executable, Path baseDirectory, boolean networkEnabled, List<String> hostView,
			Set<String> visibleTopLevel) {
		this.executable = executable;
		this.baseDirectory = baseDirectory;
		this.networkEnabled = networkEnabled;
		this.hostView = hostView;
		this.visibleTopLevel = visibleTopLevel;
	}

	/**
	 * Create a launcher for the host as it is now.
	 * @param executable the {@code bwrap} executable
	 * @param baseDirectory the real path of the directory holding every sandbox's storage
	 * @param networkEnabled whether commands may use the host's network
	 * @return the launcher
	 */
	static BubblewrapLauncher create(String executable, Path baseDirectory, boolean networkEnabled) {
		Set<String> ownTopLevel = new HashSet<>(REPLACED);
		SandboxStorage.SANDBOX_DIRECTORIES.stream()
			.filter((path) -> path.indexOf('/', 1) < 0)
			.forEach((path) -> ownTopLevel.add(path.substring(1)));
		List<String> hostView = new ArrayList<>();
		Set<String> visible = new HashSet<>();
		try (Stream<Path> entries = Files.list(Path.of("/"))) {
			for (Path entry : entries.sorted().toList()) {
				String name = String.valueOf(entry.getFileName());
				if (!ownTopLevel.contains(name)) {
					hostView.addAll(Files.isSymbolicLink(entry)
							? List.of("--symlink", Files.readSymbolicLink(entry).toString(), entry.toString())
							: List.of("--ro-bind", entry.toString(), entry.toString()));
					visible.add(name);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the host's root directory", ex);
		}
		return new BubblewrapLauncher(executable, baseDirectory, networkEnabled, List.copyOf(hostView),
				Set.copyOf(visible));
	}

	@Override
	public String name() {
		return "bubblewrap";
	}

	@Override
	public boolean isolated() {
		return true;
	}

	/**
	 * The fixed part of the command line, for messages.
	 * @return the executable and its namespace options
	 */
	String describe() {
		return String.join(" ", options());
	}

	@Override
	public Map<String, String> defaultEnvironment(SandboxStorage storage) {
		return Map.of("PATH", PATH, "HOME", SandboxPaths.DEFAULT_DIRECTORY, "LANG", "C.UTF-8");
	}

	@Override
	public ProcessBuilder processBuilder(SandboxPathResolver paths, String cwd, String command) {
		String directory = SandboxPaths.absolute(cwd);
		if (paths.directory(directory).isEmpty() && !isVisibleHostDirectory(paths.storage(), directory)) {
			throw new InvalidWorkingDirectoryException(cwd);
		}
		SandboxStorage storage = paths.storage();
		List<String> line = options();
		line.addAll(this.hostView);
		line.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--ro-bind", "/proc/sys", "/proc/sys"));
		line.addAll(List.of("--tmpfs", "/run", "--tmpfs", this.baseDirectory.toString()));
		for (MappedDirectory mapped : storage.mappedDirectories()) {
			line.addAll(List.of("--bind", mapped.hostPath().toString(), mapped.sandboxPath()));
		}
		line.addAll(List.of("--remount-ro", "/", "--chdir", directory, "sh", "-c", command));
		return new ProcessBuilder(line).directory(storage.files().toFile());
	}

	private List<String> options() {
		List<String> options = new ArrayList<>(List.of(this.executable, "--die-with-parent", "--new-session",
				"--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", HOSTNAME, "--cap-drop", "ALL"));
		if (!this.networkEnabled) {
			options.add("--unshare-net");
		}
		return options;
	}

	/**
	 * Whether a directory outside the storage exists in the sandbox's read-only view of the host.
	 */
	private boolean isVisibleHostDirectory(SandboxStorage storage, String directory) {
		if (storage.mappingOf(directory).isPresent()) {
			return false;
		}
		if (directory.equals("/")) {
			return true;
		}
		String topLevel = SandboxPaths.segments(directory).get(0);
		try {
			Path host = Path.of(directory);
			return this.visibleTopLevel.contains(topLevel) && Files.isDirectory(host)
					&& !host.toRealPath().startsWith(this.baseDirectory);
		}
		catch (IOException | InvalidPathException ex) {
			return false;
		}
	}

	/**
	 * Find {@code bwrap} on the emulator's {@code PATH}.
	 * @return its absolute path, or {@code bwrap} if it is not found
	 */
	static String locate() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator, -1)) {
				Path candidate = Path.of(directory.isEmpty() ? "." : directory, "bwrap");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate.toAbsolutePath().toString();
				}
			}
		}
		return "bwrap";
	}

}

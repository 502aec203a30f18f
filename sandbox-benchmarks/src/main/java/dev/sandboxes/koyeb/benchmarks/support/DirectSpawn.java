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


package dev.sandboxes.koyeb.benchmarks.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * The floor of running a command in a sandbox: {@code true} spawned directly from Java,
 * either as a plain process or in a bubblewrap sandbox set up as the emulator sets up
 * its own (the host's system directories read-only, its own {@code /dev}, {@code /proc}
 * and {@code /run}, writable {@code /tmp}, {@code /var/tmp}, {@code /root}, {@code /home}
 * and {@code /workspace}, own pid, IPC and UTS namespaces, no capabilities), less the
 * mounts that hide the host's private files of {@code /etc}. Closing it removes the
 * directories it made.
 *
 * @since 0.1.0
 */
public final class DirectSpawn implements AutoCloseable {

	private static final File NO_INPUT = new File("/dev/null");

	/** The writable directories of a sandbox, as the emulator's process runtime has them. */
	private static final List<String> WRITABLE = List.of("/tmp", "/var/tmp", "/root", "/home", "/workspace");

	/** The host's system directories, the only part of the host a sandbox sees, read-only. */
	private static final Set<String> SYSTEM = Set.of("bin", "etc", "lib", "lib32", "lib64", "libx32", "sbin", "usr");

	private final List<String> command;

	private final Path directory;

	private DirectSpawn(List<String> command, Path directory) {
		this.command = command;
		this.directory = directory;
	}

	/**
	 * Prepare the floor of a runtime.
	 * @param runtime {@link RuntimeMode#PLAIN} or {@link RuntimeMode#BUBBLEWRAP}
	 * @return the spawner
	 */
	public static DirectSpawn of(RuntimeMode runtime) {
		Path directory = createDirectory();
		return switch (runtime) {
			case PLAIN -> new DirectSpawn(List.of("true"), directory);
			case BUBBLEWRAP -> new DirectSpawn(bubblewrap(directory), directory);
			default -> throw new IllegalArgumentException(
					"runtime must be PLAIN or BUBBLEWRAP for a direct spawn, was " + runtime);
		};
	}

	/**
	 * Spawn {@code true} and wait for it.
	 * @return its exit code, 0
	 * @throws IOException if it cannot start
	 * @throws InterruptedException if interrupted while waiting
	 */
	public int run() throws IOException, InterruptedException {
		Process process = new ProcessBuilder(this.command).directory(this.directory.toFile())
			.redirectInput(NO_INPUT)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		int code = process.waitFor();
		if (code != 0) {
			throw new IllegalStateException(this.command.get(0) + " exited with " + code);
		}
		return code;
	}

	private static List<String> bubblewrap(Path storage) {
		List<String> line = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--unshare-pid", "--unshare-ipc",
				"--unshare-uts", "--hostname", "sandbox", "--uid", "0", "--gid", "0", "--cap-drop", "ALL"));
		try (Stream<Path> entries = Files.list(Path.of("/"))) {
			for (Path entry : entries.sorted().toList()) {
				if (SYSTEM.contains(String.valueOf(entry.getFileName()))) {
					line.addAll(Files.isSymbolicLink(entry)
							? List.of("--symlink", Files.readSymbolicLink(entry).toString(), entry.toString())
							: List.of("--ro-bind", entry.toString(), entry.toString()));
				}
			}
			line.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--ro-bind", "/proc/sys", "/proc/sys", "--tmpfs",
					"/run"));
			for (String writable : WRITABLE) {
				Path host = Files.createDirectories(storage.resolve(writable.substring(1).replace('/', '-')));
				line.addAll(List.of("--bind", host.toString(), writable));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the bubblewrap sandbox", ex);
		}
		line.addAll(List.of("--remount-ro", "/", "--chdir", "/root", "true"));
		return List.copyOf(line);
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("koyeb-benchmark-spawn").toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a directory for the spawned processes", ex);
		}
	}

	@Override
	public void close() throws IOException {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}

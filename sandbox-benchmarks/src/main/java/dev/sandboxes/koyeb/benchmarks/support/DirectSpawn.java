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
import java.util.stream.Stream;

import dev.sandboxes.koyeb.emulator.runtime.EmulatorHostView;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import org.jspecify.annotations.Nullable;

/**
 * The floor of running a command in a sandbox: {@code true} spawned directly from Java,
 * either as a plain process or in a bubblewrap sandbox isolated as the emulator isolates
 * its own (the emulator's view of the host's system directories, read-only with the private
 * files of {@code /etc} hidden, its own {@code /dev}, {@code /proc} and {@code /run},
 * writable {@code /tmp}, {@code /var/tmp}, {@code /root}, {@code /home} and
 * {@code /workspace}, own pid, IPC and UTS namespaces, no capabilities). Closing it removes
 * the directories and files it made.
 *
 * @since 0.1.0
 */
public final class DirectSpawn implements AutoCloseable {

	private static final File NO_INPUT = new File("/dev/null");

	/** The writable directories of a sandbox, as the emulator's process runtime has them. */
	private static final List<String> WRITABLE = List.of("/tmp", "/var/tmp", "/root", "/home", "/workspace");

	private final List<String> command;

	private final Path directory;

	private final @Nullable EmulatorHostView hostView;

	private DirectSpawn(List<String> command, Path directory, @Nullable EmulatorHostView hostView) {
		this.command = command;
		this.directory = directory;
		this.hostView = hostView;
	}

	/**
	 * Prepare the floor of a runtime.
	 * @param runtime {@link RuntimeMode#PLAIN} or {@link RuntimeMode#BUBBLEWRAP}
	 * @return the spawner
	 */
	public static DirectSpawn of(RuntimeMode runtime) {
		Path directory = createDirectory();
		return switch (runtime) {
			case PLAIN -> new DirectSpawn(List.of("true"), directory, null);
			case BUBBLEWRAP -> {
				EmulatorHostView hostView = new EmulatorHostView();
				yield new DirectSpawn(bubblewrap(directory, hostView), directory, hostView);
			}
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

	private static List<String> bubblewrap(Path storage, EmulatorHostView hostView) {
		List<String> line = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--unshare-pid", "--unshare-ipc",
				"--unshare-uts", "--hostname", "sandbox", "--uid", "0", "--gid", "0", "--cap-drop", "ALL"));
		line.addAll(hostView.systemDirectories());
		line.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--ro-bind", "/proc/sys", "/proc/sys", "--tmpfs",
				"/run"));
		line.addAll(hostView.resolver());
		try {
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
		if (this.hostView != null) {
			this.hostView.close();
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}

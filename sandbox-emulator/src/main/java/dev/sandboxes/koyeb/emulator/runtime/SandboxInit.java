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
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The idle process that holds the namespaces a bubblewrap sandbox's commands share:
 * {@code bwrap --unshare-pid ... sleep infinity}, whose inner {@code bwrap} (the child of the one
 * the emulator started) is pid 1 of the sandbox's pid namespace. As pid 1 it reaps every orphan
 * of the sandbox; when it dies, the kernel kills every process of the namespace. It counts as
 * started once pid 1 has forked its idle process: bubblewrap sets the namespaces up (hostname,
 * loopback interface) before.
 */
final class SandboxInit {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_MILLIS = 1;

	private static final int MAX_ERROR_BYTES = 4096;

	private static final File NO_INPUT = new File("/dev/null");

	private final Process bwrap;

	private final ProcessHandle pid1;

	private final boolean ownUserNamespace;

	private SandboxInit(Process bwrap, ProcessHandle pid1, boolean ownUserNamespace) {
		this.bwrap = bwrap;
		this.pid1 = pid1;
		this.ownUserNamespace = ownUserNamespace;
	}

	/**
	 * Start an init and wait (a few seconds at most) until its namespaces are set up.
	 * @param builder the {@code bwrap} command line of the init, with its environment
	 * @return the running init
	 * @throws IOException if it cannot start, exits or does not set up in time
	 */
	static SandboxInit start(ProcessBuilder builder) throws IOException {
		Process bwrap = ProcessSpawner.start(builder.redirectInput(NO_INPUT)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.PIPE));
		try {
			ProcessHandle pid1 = awaitPid1(bwrap);
			bwrap.getErrorStream().close();
			return new SandboxInit(bwrap, pid1,
					!userNamespace(Long.toString(pid1.pid())).equals(userNamespace("self")));
		}
		catch (IOException | RuntimeException ex) {
			ProcessTrees.kill(bwrap.toHandle());
			throw ex;
		}
	}

	private static ProcessHandle awaitPid1(Process bwrap) throws IOException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (!bwrap.isAlive()) {
				String message = new String(bwrap.getErrorStream().readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8)
					.strip();
				throw new IOException("bwrap exited with code " + bwrap.exitValue()
						+ (message.isEmpty() ? "" : ": " + message));
			}
			Optional<ProcessHandle> pid1 = ProcessTrees.children(bwrap.toHandle())
				.filter((child) -> ProcessTrees.children(child).findAny().isPresent())
				.findFirst();
			if (pid1.isPresent()) {
				return pid1.get();
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while bwrap was starting");
			}
		}
		throw new IOException("bwrap did not set the namespaces up within " + STARTUP_TIMEOUT.toSeconds() + " seconds");
	}

	private static Path userNamespace(String process) throws IOException {
		return Files.readSymbolicLink(Path.of("/proc", process, "ns", "user"));
	}

	/**
	 * The host pid of pid 1 of the namespaces, whose {@code /proc/<pid>/ns/} commands join.
	 * @return the pid
	 */
	long pid() {
		return this.pid1.pid();
	}

	/**
	 * Whether the init has a user namespace of its own, which bubblewrap creates when the emulator
	 * does not run as root; commands must then join it before the others.
	 * @return whether it has
	 */
	boolean ownUserNamespace() {
		return this.ownUserNamespace;
	}

	/**
	 * Whether the namespaces are still usable: once pid 1 has died they are not, and what remains
	 * of the init ends by itself.
	 * @return whether pid 1 runs
	 */
	boolean isRunning() {
		return this.bwrap.isAlive() && ProcessTrees.isRunning(this.pid1);
	}

	/**
	 * Kill the init with the processes it adopted, and so every process of its namespaces: the
	 * kernel kills every process of a pid namespace whose pid 1 exits.
	 * @return every process signalled, the outer {@code bwrap} first
	 */
	List<ProcessHandle> kill() {
		return ProcessTrees.kill(this.bwrap.toHandle());
	}

}

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@link SandboxRuntime} for a {@link RuntimeMode}: sandboxes isolated by bubblewrap,
 * or plain host processes that are not isolated at all (which is logged loudly).
 *
 * @since 0.1.0
 */
public final class SandboxRuntimes {

	private static final Logger logger = LoggerFactory.getLogger(SandboxRuntimes.class);

	private static final String INSTALL_BUBBLEWRAP = """
			To isolate sandboxes, run the emulator on Linux with bubblewrap installed and working:
			  - Debian/Ubuntu: apt-get install bubblewrap; Fedora/RHEL: dnf install bubblewrap; \
			Alpine: apk add bubblewrap; Arch: pacman -S bubblewrap. Commands join their sandbox's namespaces with \
			nsenter, from util-linux, which most distributions install by default.
			  - As a non-root user, bubblewrap needs unprivileged user namespaces (sysctl \
			kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 and later an AppArmor profile that allows bwrap).
			  - In a container, the container must allow creating namespaces (for example Docker's \
			--security-opt seccomp=unconfined --security-opt apparmor=unconfined, or --privileged).
			Then start the emulator with runtime mode AUTO or BUBBLEWRAP (BUBBLEWRAP fails instead of \
			falling back to plain processes).""";

	private SandboxRuntimes() {
	}

	/**
	 * Create a runtime.
	 * <ul>
	 * <li>{@link RuntimeMode#BUBBLEWRAP}: bubblewrap, which must work on this machine.</li>
	 * <li>{@link RuntimeMode#DOCKER}: containers, on a Docker engine that must be reachable.</li>
	 * <li>{@link RuntimeMode#AUTO}: a container where Docker is reachable and has or can pull the
	 * sandbox's image; else bubblewrap if it works, else plain processes.</li>
	 * <li>{@link RuntimeMode#PLAIN}: plain processes.</li>
	 * </ul>
	 * Whether bubblewrap works is found out by running {@code true} in a sandbox with the real
	 * options. Plain processes are not isolated, which is logged as a warning.
	 * @param mode the runtime mode
	 * @param baseDirectory the directory for the sandboxes' storage, created if missing, emptied
	 * of what an earlier run left there; each sandbox gets {@code <baseDirectory>/<sandboxId>/}
	 * @param networkEnabled whether commands may use the network (bubblewrap and Docker can cut
	 * it)
	 * @return the runtime
	 * @throws IllegalStateException if the mode is {@link RuntimeMode#BUBBLEWRAP} and bubblewrap
	 * does not work, or {@link RuntimeMode#DOCKER} and no Docker engine is reachable
	 * @throws UncheckedIOException if the base directory cannot be created
	 */
	public static SandboxRuntime create(RuntimeMode mode, Path baseDirectory, boolean networkEnabled) {
		return create(mode, baseDirectory, networkEnabled, BubblewrapLauncher.locate("bwrap"));
	}

	/**
	 * Create a runtime with a given {@code bwrap} executable.
	 * @param mode the runtime mode
	 * @param baseDirectory the directory for the sandboxes' storage
	 * @param networkEnabled whether commands may use the network
	 * @param bubblewrap the {@code bwrap} executable
	 * @return the runtime
	 */
	static SandboxRuntime create(RuntimeMode mode, Path baseDirectory, boolean networkEnabled, String bubblewrap) {
		if (mode == RuntimeMode.DOCKER) {
			DockerEngine engine = DockerEngine.connect()
				.orElseThrow(() -> new IllegalStateException("Runtime mode DOCKER was chosen but no Docker engine is "
						+ "reachable: start Docker (or Podman, Colima), or point DOCKER_HOST at one"));
			logger.info("Sandboxes run as containers of their images on Docker ({}network)",
					networkEnabled ? "" : "no ");
			return DockerSandboxRuntime.owningEngine(engine, networkEnabled);
		}
		SandboxRuntime local = createLocal(mode, baseDirectory, networkEnabled, bubblewrap);
		if (mode == RuntimeMode.AUTO) {
			Optional<DockerEngine> engine = DockerEngine.connect();
			if (engine.isPresent()) {
				logger.info("Sandboxes whose image Docker has or can pull run as containers of it");
				return new DockerOrLocalRuntime(engine.get(),
						DockerSandboxRuntime.owningEngine(engine.get(), networkEnabled), local);
			}
		}
		return local;
	}

	private static SandboxRuntime createLocal(RuntimeMode mode, Path baseDirectory, boolean networkEnabled,
			String bubblewrap) {
		Path base = prepare(baseDirectory);
		if (mode == RuntimeMode.PLAIN) {
			return plain(base, networkEnabled, "runtime mode PLAIN was chosen");
		}
		BubblewrapLauncher launcher = BubblewrapLauncher.create(bubblewrap, base, networkEnabled);
		LocalSandboxRuntime runtime = new LocalSandboxRuntime(base, launcher);
		Optional<String> problem = BubblewrapProbe.problem(runtime, launcher);
		if (problem.isEmpty()) {
			logger.info("Sandboxes run isolated by bubblewrap ({}network), storage in {}", networkEnabled ? "" : "no ",
					base);
			logCaps(launcher.cgroups());
			return runtime;
		}
		runtime.close();
		if (mode == RuntimeMode.BUBBLEWRAP) {
			throw new IllegalStateException("Runtime mode BUBBLEWRAP was chosen but bubblewrap does not work on this "
					+ "machine: the emulator " + problem.get() + System.lineSeparator() + INSTALL_BUBBLEWRAP);
		}
		return plain(base, networkEnabled, "bubblewrap does not work on this machine: the emulator " + problem.get());
	}

	private static void logCaps(SandboxCgroups cgroups) {
		if (cgroups.enabled()) {
			logger.info("Each sandbox is capped at the memory and CPU of its instance type and {} processes, "
					+ "through {}", SandboxCgroups.MAX_PROCESSES, cgroups.description());
		}
		else {
			logger.warn("Sandboxes have NO memory, CPU or process caps ({}): a fork bomb or a runaway allocation "
					+ "in one of them can exhaust this host. Run the emulator as root on a host with cgroup v1, "
					+ "or use the docker runtime, to cap them.", cgroups.description());
		}
	}

	/**
	 * Whether bubblewrap works on this machine with the options the emulator uses (network cut
	 * included). The answer is found out once, in a temporary directory.
	 * @return whether bubblewrap sandboxes can run
	 */
	public static boolean bubblewrapAvailable() {
		return BubblewrapAvailability.AVAILABLE;
	}

	private static Path prepare(Path baseDirectory) {
		try {
			Path base = Files.createDirectories(baseDirectory).toRealPath();
			boolean leftovers;
			try (Stream<Path> entries = Files.list(base)) {
				leftovers = entries.findAny().isPresent();
			}
			if (leftovers) {
				logger.info("Removing the storage that sandboxes of an earlier run left in {}", base);
				DirectoryTrees.deleteContents(base);
			}
			return base;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the sandboxes' base directory " + baseDirectory, ex);
		}
	}

	private static SandboxRuntime plain(Path base, boolean networkEnabled, String reason) {
		String network = networkEnabled ? "" : System.lineSeparator()
				+ "  - The network cannot be disabled: commands use the host's network.";
		logger.warn("""
				Sandboxes are NOT isolated: their commands run as plain processes of this host ({}).
				  - Commands run as the emulator's user: they can read, change and delete every file that user \
				can, see and kill its processes, and reach whatever it can on the network.{}
				  - Absolute paths in commands are the host's; only the file API is confined to each sandbox's \
				directory under {}.
				{}""", reason, network, base, INSTALL_BUBBLEWRAP);
		return new LocalSandboxRuntime(base, new PlainLauncher());
	}

	/**
	 * Probes bubblewrap once, on first use.
	 */
	private static final class BubblewrapAvailability {

		static final boolean AVAILABLE = probe();

		private static boolean probe() {
			Path base = null;
			try {
				base = Files.createTempDirectory("koyeb-emulator-probe").toRealPath();
				BubblewrapLauncher launcher = BubblewrapLauncher.create(BubblewrapLauncher.locate("bwrap"), base,
						false);
				try (LocalSandboxRuntime runtime = new LocalSandboxRuntime(base, launcher)) {
					return BubblewrapProbe.problem(runtime, launcher).isEmpty();
				}
			}
			catch (IOException | RuntimeException ex) {
				return false;
			}
			finally {
				if (base != null) {
					try {
						DirectoryTrees.delete(base);
					}
					catch (IOException ex) {
						logger.debug("Cannot remove {}", base, ex);
					}
				}
			}
		}

	}

}

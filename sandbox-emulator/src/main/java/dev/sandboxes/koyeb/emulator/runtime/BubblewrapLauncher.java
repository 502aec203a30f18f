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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

import dev.sandboxes.koyeb.emulator.runtime.SandboxStorage.MappedDirectory;

/**
 * Runs the commands of each sandbox in bubblewrap, in namespaces they share as the processes of
 * one container do. As soon as it is created, a sandbox starts an idle init ({@link SandboxInit})
 * in the background, so that its first command finds the namespaces ready:
 * <pre>
 * bwrap --die-with-parent --unshare-pid --unshare-ipc --unshare-uts [--unshare-net] --hostname sandbox
 *       --uid 0 --gid 0 --cap-drop ALL &lt;file system&gt;
 *       --chdir / sh -c 'trap "" HUP INT QUIT TERM; exec sleep infinity'
 * </pre>
 * and every command joins the init's namespaces, in a mount namespace of its own:
 * <pre>
 * sh -c 'exec "$0" "$@" 3&lt;/proc/&lt;init&gt;/ns/pid [&lt;cgroups opened&gt;]'
 *   nsenter --target &lt;init&gt; [--user --preserve-credentials] --ipc --uts [--net]
 *   bwrap --args 0 --die-with-parent --new-session --pidns 3 --cap-drop ALL &lt;file system&gt;
 *         --chdir &lt;cwd&gt; sh -c '[&lt;cgroups joined&gt; &amp;&amp;] exec "$0" -c "$1" 3&lt;&amp;- 0&lt;/dev/null' sh &lt;command&gt;
 * </pre>
 * with the command's environment written to bubblewrap's standard input as
 * {@code --clearenv --setenv NAME VALUE ...}: the processes outside the sandbox run with
 * {@code PATH} alone.
 * where the file system is
 * <pre>
 *       --ro-bind /usr /usr --ro-bind /etc /etc --symlink usr/bin /bin ...   (the {@link HostView}: the
 *       --ro-bind /tmp/koyeb-emulator-hidden-&lt;n&gt; /etc/shadow               system's directories, with
 *       --tmpfs /etc/ssl/private --remount-ro /etc/ssl/private ...            what others may not read of
 *                                                                             /etc hidden)
 *       --dev /dev --proc /proc --ro-bind /proc/sys /proc/sys --tmpfs /run
 *       [--ro-bind /run/systemd/resolve/stub-resolv.conf ...]                 (where /etc/resolv.conf
 *                                                                             links into /run)
 *       [--tmpfs &lt;base directory&gt;]                                          (if in the view)
 *       --bind &lt;sandbox&gt;/fs/tmp /tmp --bind &lt;sandbox&gt;/fs/var-tmp /var/tmp
 *       --bind &lt;sandbox&gt;/fs/root /root --bind &lt;sandbox&gt;/fs/home /home
 *       --bind &lt;sandbox&gt;/fs/workspace /workspace
 *       --remount-ro /
 * </pre>
 * The system's directories of the host are visible read-only, mounted one by one on bubblewrap's
 * own root, so that {@code /workspace} can exist although the host has none; the rest of the host
 * (its users' and services' directories, {@code /sys} and its cgroups, the emulator's own) is not
 * there; the root is made read-only last. The tmpfs over the base directory hides every sandbox's
 * storage (where the base directory is in the view at all), the writable directories are then
 * bound from the host, so commands see the same absolute paths as the file API. The host's
 * {@code /run} is replaced because read-only mounts do not stop connections to the sockets of
 * host daemons there, and {@code /proc/sys} is made read-only explicitly because bubblewrap
 * leaves it writable when it runs as root. Sandboxes share the host's network namespace unless
 * the network is disabled: the host's loopback services are reachable from them.
 * <p>
 * Commands run without any capability, as root of the sandbox, in the pid, IPC and UTS namespaces
 * of their sandbox (and its network namespace, with only a loopback interface, when the network
 * is disabled): they see and can signal each other's processes but no other sandbox's, reach each
 * other on the loopback interface, and what a command leaves running in the background outlives
 * it, adopted (and reaped) by the init, which is pid 1. Killing the init ends every process of the
 * sandbox. Java cannot hand a file descriptor to a child, so a shell opens the pid namespace for
 * bubblewrap's {@code --pidns}, and the command's own shell closes it again. When the emulator is
 * not root, bubblewrap gives the init a user namespace, in which uid 0 maps to the emulator's
 * user; commands join it first, as its root, to be allowed into the other namespaces.
 * <p>
 * Where cgroups allow ({@link SandboxCgroups}), the init is started by a shell that first moves
 * itself into the sandbox's cgroups, {@code sh -c '<join> && exec "$0" "$@"'}, and a command's
 * first shell opens the groups' process lists ({@code 4>.../cgroup.procs 5>...}), through which
 * the command's own shell, inside the sandbox, joins them ({@code echo $$ >&4 && ...}) before it
 * runs the command: nothing of the sandbox runs uncapped, and the emulator's own work for each
 * command ({@code nsenter}, bubblewrap's set-up) is not charged to the sandbox's caps, as the
 * work of Koyeb's executor is not.
 */
final class BubblewrapLauncher implements CommandLauncher {

	private static final Logger logger = LoggerFactory.getLogger(BubblewrapLauncher.class);

	private static final String HOSTNAME = "sandbox";

	/**
	 * The init's idle process, pid 2, deaf to the signals that end processes by name
	 * ({@code pkill}, {@code killall}): when it ends, bubblewrap ends the init, and with it every
	 * process of the sandbox.
	 */
	private static final String IDLE = "trap '' HUP INT QUIT TERM; exec sleep infinity";

	/** The descriptor through which a command's {@code bwrap} joins its sandbox's pid namespace. */
	private static final String PID_NAMESPACE_FD = "3";

	/** Where bubblewrap reads the command's environment from, before the command gets an empty input. */
	private static final String STANDARD_INPUT_FD = "0";

	/**
	 * Runs {@code sh -c "$1"} with the standard descriptors only: without the pid namespace's, left
	 * open by bubblewrap, and with {@code /dev/null} as input, since bubblewrap closes its input
	 * once it has read the environment from it.
	 */
	private static final String COMMAND_SHELL = "exec \"$0\" -c \"$1\" " + PID_NAMESPACE_FD + "<&- 0</dev/null";

	/** The first descriptor of the cgroups' process lists that a command's own shell joins through. */
	private static final int CGROUP_FD = 4;

	private final String executable;

	private final String nsenter;

	private final Path baseDirectory;

	private final boolean networkEnabled;

	private final HostView hostView;

	private final SandboxCgroups cgroups;

	private BubblewrapLauncher(String executable, String nsenter, Path baseDirectory, boolean networkEnabled,
			HostView hostView, SandboxCgroups cgroups) {
		this.executable = executable;
		this.nsenter = nsenter;
		this.baseDirectory = baseDirectory;
		this.networkEnabled = networkEnabled;
		this.hostView = hostView;
		this.cgroups = cgroups;
	}

	/**
	 * Create a launcher for the host as it is now, capping sandboxes where cgroups allow.
	 * @param executable the {@code bwrap} executable
	 * @param baseDirectory the real path of the directory holding every sandbox's storage
	 * @param networkEnabled whether commands may use the host's network
	 * @return the launcher
	 */
	static BubblewrapLauncher create(String executable, Path baseDirectory, boolean networkEnabled) {
		return new BubblewrapLauncher(executable, locate("nsenter"), baseDirectory, networkEnabled,
				HostView.ofThisHost(), SandboxCgroups.detect());
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
	 * The cgroups that cap sandboxes.
	 * @return the cgroups, which may be disabled
	 */
	SandboxCgroups cgroups() {
		return this.cgroups;
	}

	/**
	 * The fixed part of the init's command line, for messages.
	 * @return the executable and its namespace options
	 */
	String describe() {
		return String.join(" ", initOptions());
	}

	@Override
	public Map<String, String> defaultEnvironment(SandboxStorage storage) {
		return Map.of("PATH", PATH, "HOME", SandboxPaths.DEFAULT_DIRECTORY, "LANG", "C.UTF-8");
	}

	@Override
	public Session open(SandboxDefinition definition, SandboxPathResolver paths) {
		SharedNamespaces session = new SharedNamespaces(definition, paths);
		session.startAhead();
		return session;
	}

	@Override
	public void close() {
		this.cgroups.close();
		this.hostView.removeStandIn();
	}

	private List<String> initOptions() {
		List<String> options = new ArrayList<>(
				List.of(this.executable, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts"));
		if (!this.networkEnabled) {
			options.add("--unshare-net");
		}
		options.addAll(List.of("--hostname", HOSTNAME, "--uid", "0", "--gid", "0", "--cap-drop", "ALL"));
		return options;
	}

	private ProcessBuilder initProcess(SandboxStorage storage, @Nullable SandboxCgroup cgroup) {
		List<String> line = new ArrayList<>();
		if (cgroup != null) {
			line.addAll(List.of("/bin/sh", "-c", cgroup.joinCommand() + " && exec \"$0\" \"$@\""));
		}
		line.addAll(initOptions());
		line.addAll(fileSystem(storage));
		line.addAll(List.of("--chdir", "/", "sh", "-c", IDLE));
		ProcessBuilder builder = new ProcessBuilder(line).directory(storage.files().toFile());
		builder.environment().clear();
		builder.environment().put("PATH", PATH);
		return builder;
	}

	private List<String> commandLine(SandboxInit init, @Nullable SandboxCgroup cgroup, SandboxStorage storage,
			String directory, String command) {
		String pid = Long.toString(init.pid());
		String groups = (cgroup != null) ? " " + cgroup.openForJoining(CGROUP_FD) : "";
		List<String> line = new ArrayList<>(List.of("/bin/sh", "-c",
				"exec \"$0\" \"$@\" " + PID_NAMESPACE_FD + "</proc/" + pid + "/ns/pid" + groups, this.nsenter,
				"--target", pid));
		if (init.ownUserNamespace()) {
			line.addAll(List.of("--user", "--preserve-credentials"));
		}
		line.addAll(List.of("--ipc", "--uts"));
		if (!this.networkEnabled) {
			line.add("--net");
		}
		line.addAll(List.of(this.executable, "--args", STANDARD_INPUT_FD, "--die-with-parent", "--new-session",
				"--pidns", PID_NAMESPACE_FD, "--cap-drop", "ALL"));
		line.addAll(fileSystem(storage));
		String join = (cgroup != null) ? cgroup.joinThroughCommand(CGROUP_FD) + " && " : "";
		line.addAll(List.of("--chdir", directory, "sh", "-c", join + COMMAND_SHELL, "sh", command));
		return line;
	}

	/**
	 * The command's environment as bubblewrap options read from standard input: the processes
	 * that run outside the sandbox (the shell that opens the namespace, nsenter, bubblewrap
	 * itself) run with {@code PATH} alone, and only the command gets these variables. Reading
	 * them from a pipe keeps their values out of the host's process list.
	 */
	private static byte[] environmentArguments(Map<String, String> environment) {
		StringBuilder arguments = new StringBuilder("--clearenv\0");
		environment.forEach((name, value) -> {
			if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
				throw new CommandStartException("Invalid environment variable: " + name,
						new IllegalArgumentException("Environment names must be non-empty, without '=' or NUL; "
								+ "values without NUL"));
			}
			arguments.append("--setenv\0").append(name).append('\0').append(value).append('\0');
		});
		return arguments.toString().getBytes(StandardCharsets.UTF_8);
	}

	private List<String> fileSystem(SandboxStorage storage) {
		List<String> mounts = new ArrayList<>(this.hostView.options());
		mounts.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--ro-bind", "/proc/sys", "/proc/sys"));
		mounts.addAll(List.of("--tmpfs", "/run"));
		mounts.addAll(this.hostView.resolver());
		if (this.hostView.topLevel().contains(String.valueOf(this.baseDirectory.getName(0)))) {
			mounts.addAll(List.of("--tmpfs", this.baseDirectory.toString()));
		}
		for (MappedDirectory mapped : storage.mappedDirectories()) {
			mounts.addAll(List.of("--bind", mapped.hostPath().toString(), mapped.sandboxPath()));
		}
		mounts.addAll(List.of("--remount-ro", "/"));
		return mounts;
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
			return this.hostView.topLevel().contains(topLevel) && Files.isDirectory(host)
					&& !host.toRealPath().startsWith(this.baseDirectory);
		}
		catch (IOException | InvalidPathException ex) {
			return false;
		}
	}

	/**
	 * Find a program on the emulator's {@code PATH}.
	 * @param program the program's name, such as {@code bwrap}
	 * @return its absolute path, or the name if it is not found
	 */
	static String locate(String program) {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator, -1)) {
				Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate.toAbsolutePath().toString();
				}
			}
		}
		return program;
	}

	/**
	 * The namespaces of one sandbox, held by an init started in the background when the session
	 * opens, and again at the next command once the init was terminated or died, with the
	 * sandbox's cgroups, created with its first init and removed when it is destroyed.
	 */
	private final class SharedNamespaces implements Session {

		private final SandboxDefinition definition;

		private final SandboxPathResolver paths;

		private @Nullable SandboxInit init;

		private @Nullable SandboxCgroup cgroup;

		/** Whether the init started ahead of the first command is still to start. */
		private boolean startAhead = true;

		SharedNamespaces(SandboxDefinition definition, SandboxPathResolver paths) {
			this.definition = definition;
			this.paths = paths;
		}

		/**
		 * Start the init off the caller's thread, unless a command, a termination or the end of
		 * the session comes first. A failure is left for the first command to meet and report.
		 */
		void startAhead() {
			Schedulers.boundedElastic().schedule(() -> {
				synchronized (this) {
					if (this.startAhead) {
						this.startAhead = false;
						try {
							running(this.paths.storage());
						}
						catch (CommandStartException ex) {
							logger.debug("Could not start the init of sandbox {} ahead of its first command",
									this.definition.sandboxId(), ex);
						}
					}
				}
			});
		}

		@Override
		public synchronized PreparedCommand prepare(String cwd, String command, Map<String, String> environment) {
			this.startAhead = false;
			String directory = SandboxPaths.absolute(cwd);
			SandboxStorage storage = this.paths.storage();
			if (this.paths.directory(directory).isEmpty() && !isVisibleHostDirectory(storage, directory)) {
				throw new InvalidWorkingDirectoryException(cwd);
			}
			SandboxInit running = running(storage);
			ProcessBuilder builder = new ProcessBuilder(commandLine(running, this.cgroup, storage, directory, command))
				.directory(storage.files().toFile());
			builder.environment().clear();
			builder.environment().put("PATH", PATH);
			return new PreparedCommand(builder, environmentArguments(environment));
		}

		@Override
		public synchronized void terminate(long deadline) throws InterruptedException {
			this.startAhead = false;
			SandboxInit ending = this.init;
			this.init = null;
			if (ending != null) {
				ProcessTrees.awaitEnd(ending.kill(), deadline);
			}
		}

		@Override
		public synchronized void close(long deadline) throws InterruptedException {
			this.startAhead = false;
			SandboxCgroup closing = this.cgroup;
			this.cgroup = null;
			if (closing != null) {
				closing.remove(deadline);
			}
		}

		private SandboxInit running(SandboxStorage storage) {
			SandboxInit current = this.init;
			if (current != null && current.isRunning()) {
				return current;
			}
			try {
				SandboxInit started = SandboxInit.start(initProcess(storage, capped()));
				this.init = started;
				return started;
			}
			catch (IOException ex) {
				throw new CommandStartException("Cannot start the sandbox's init", ex);
			}
		}

		/**
		 * The sandbox's cgroups, created at the first call where cgroups are enabled.
		 */
		private @Nullable SandboxCgroup capped() throws IOException {
			if (this.cgroup == null && BubblewrapLauncher.this.cgroups.enabled()) {
				this.cgroup = BubblewrapLauncher.this.cgroups.create(this.definition.sandboxId(),
						DockerInstanceTypes.of(this.definition.instanceType()));
			}
			return this.cgroup;
		}

	}

}

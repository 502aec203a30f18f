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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox of a {@link LocalSandboxRuntime}: host directories for storage and host processes,
 * started through its {@link CommandLauncher.Session session}, for commands. Every command sees
 * exactly the launcher's default environment, then the sandbox's variables, then the request's
 * (later ones win); never the emulator's own environment. The sandbox keeps track of every
 * command it started, so that {@link #reset()} and {@link #destroy()} can kill them all, with
 * whatever the session keeps running, and wait until they are gone before touching the storage.
 */
final class LocalSandbox implements RuntimeSandbox {

	private static final Logger logger = LoggerFactory.getLogger(LocalSandbox.class);

	private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(5);

	private static final File NO_INPUT = new File("/dev/null");

	private final String id;

	private final SandboxPathResolver paths;

	private final CommandLauncher.Session session;

	private final Map<String, String> environment;

	private final SandboxFileSystem files;

	private final ProcessTable processes;

	private final PortBinding portBinding = new PortBinding();

	private final Set<ProcessCommandExecution> executions = ConcurrentHashMap.newKeySet();

	private final Consumer<LocalSandbox> onDestroy;

	private boolean destroyed;

	/**
	 * Create a sandbox on provisioned storage.
	 * @param definition what the sandbox was created with: its id, instance type and own
	 * variables, {@code SANDBOX_SECRET} included
	 * @param storage its storage
	 * @param launcher how its commands start
	 * @param onDestroy called once the sandbox is destroyed
	 */
	LocalSandbox(SandboxDefinition definition, SandboxStorage storage, CommandLauncher launcher,
			Consumer<LocalSandbox> onDestroy) {
		this.id = definition.sandboxId();
		this.paths = new SandboxPathResolver(storage);
		this.session = launcher.open(definition, this.paths);
		Map<String, String> merged = new HashMap<>(launcher.defaultEnvironment(storage));
		merged.putAll(definition.env());
		this.environment = Map.copyOf(merged);
		this.files = new ConfinedFileSystem(this.paths);
		this.processes = new LocalProcessTable(this::launch);
		this.onDestroy = onDestroy;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public synchronized CommandExecution launch(CommandRequest request) {
		if (this.destroyed) {
			throw new CommandStartException("The sandbox is destroyed",
					new IllegalStateException("Sandbox " + this.id + " is destroyed"));
		}
		String cwd = request.cwd();
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.putAll(request.env());
		PreparedCommand command = this.session.prepare(
				(cwd == null || cwd.isEmpty()) ? SandboxPaths.DEFAULT_DIRECTORY : cwd, request.command(), environment);
		if (command.input().length == 0) {
			command.builder().redirectInput(NO_INPUT);
		}
		Process process;
		try {
			process = ProcessSpawner.start(command.builder());
		}
		catch (IOException ex) {
			// The cause says why without the host path of the working directory, in the JDK's words:
			// "error=7, Argument list too long" on JDK 17, "Exec failed, error: 7 (Argument list too
			// long)" on JDK 25.
			Throwable reason = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new CommandStartException("Cannot start sh: " + String.valueOf(reason.getMessage()).strip(), ex);
		}
		if (command.input().length > 0) {
			feed(process, command.input());
		}
		ProcessCommandExecution execution = new ProcessCommandExecution(process);
		this.executions.add(execution);
		var unused = execution.exitCode().thenRun(() -> this.executions.remove(execution));
		return execution;
	}

	private static void feed(Process process, byte[] input) {
		try (OutputStream stdin = process.getOutputStream()) {
			stdin.write(input);
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw new CommandStartException("Cannot hand the command its environment", ex);
		}
	}

	@Override
	public ProcessTable processes() {
		return this.processes;
	}

	@Override
	public SandboxFileSystem files() {
		return this.files;
	}

	@Override
	public PortBinding portBinding() {
		return this.portBinding;
	}

	@Override
	public synchronized void reset() {
		if (this.destroyed) {
			return;
		}
		terminateAll();
		try {
			this.paths.storage().clear();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot empty the storage of sandbox " + this.id, ex);
		}
		this.portBinding.unbind();
	}

	@Override
	public void destroy() {
		synchronized (this) {
			if (this.destroyed) {
				return;
			}
			this.destroyed = true;
			terminateAll();
			closeSession();
		}
		try {
			this.paths.storage().delete();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the storage of sandbox " + this.id, ex);
		}
		finally {
			this.onDestroy.accept(this);
		}
	}

	private void closeSession() {
		try {
			this.session.close(System.nanoTime() + TERMINATION_TIMEOUT.toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Kill every process of the sandbox and wait (a few seconds at most) until they are gone.
	 */
	private void terminateAll() {
		this.processes.clear();
		List<ProcessCommandExecution> running = List.copyOf(this.executions);
		running.forEach(ProcessCommandExecution::endWithItsSandbox);
		long deadline = System.nanoTime() + TERMINATION_TIMEOUT.toNanos();
		try {
			this.session.terminate(deadline);
			for (ProcessCommandExecution execution : running) {
				if (!execution.awaitEnd(deadline)) {
					logger.warn("A process of sandbox {} (pid {}) did not end within {}", this.id, execution.pid(),
							TERMINATION_TIMEOUT);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

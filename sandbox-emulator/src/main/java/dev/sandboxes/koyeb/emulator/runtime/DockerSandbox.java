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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

import com.github.dockerjava.api.exception.DockerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox of a {@link DockerSandboxRuntime}: one container, whose commands are execs and whose
 * files are the container's. Every command sees the container's environment (the image's, then
 * the sandbox's), then the request's variables. Resetting the sandbox replaces the container
 * with a fresh one from the same definition; destroying it removes the container, which ends
 * every process it ran. Commands start concurrently; a reset or destroy waits for starts in
 * progress and holds new ones back until it is done.
 */
final class DockerSandbox implements RuntimeSandbox {

	private static final Logger logger = LoggerFactory.getLogger(DockerSandbox.class);

	private final SandboxDefinition definition;

	private final Function<SandboxDefinition, DockerContainer> containers;

	private final Executor executor;

	private final Consumer<DockerSandbox> onDestroy;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Set<DockerCommandExecution> executions = ConcurrentHashMap.newKeySet();

	private final ProcessTable processes = new LocalProcessTable(this::launch);

	private final SandboxFileSystem files = new DockerFileSystem(this::container);

	private final PortBinding portBinding = new PortBinding();

	private volatile DockerContainer container;

	private boolean destroyed;

	/**
	 * Create a sandbox on a started container.
	 * @param definition what the sandbox was created with
	 * @param container its container
	 * @param containers starts another container for a definition, when the sandbox is reset
	 * @param executor threads for background work
	 * @param onDestroy called once the sandbox is destroyed
	 */
	DockerSandbox(SandboxDefinition definition, DockerContainer container,
			Function<SandboxDefinition, DockerContainer> containers, Executor executor,
			Consumer<DockerSandbox> onDestroy) {
		this.definition = definition;
		this.container = container;
		this.containers = containers;
		this.executor = executor;
		this.onDestroy = onDestroy;
	}

	@Override
	public String id() {
		return this.definition.sandboxId();
	}

	/**
	 * The current container.
	 * @return the container
	 */
	DockerContainer container() {
		return this.container;
	}

	@Override
	public CommandExecution launch(CommandRequest request) {
		this.lock.readLock().lock();
		try {
			if (this.destroyed) {
				throw new CommandStartException("The sandbox is destroyed",
						new IllegalStateException("Sandbox " + id() + " is destroyed"));
			}
			String cwd = request.cwd();
			String directory = (cwd == null || cwd.isEmpty()) ? SandboxPaths.DEFAULT_DIRECTORY : cwd;
			if (directory.indexOf('\0') >= 0) {
				throw new InvalidWorkingDirectoryException(directory);
			}
			if (request.command().indexOf('\0') >= 0) {
				throw new CommandStartException("Cannot start sh",
						new IllegalArgumentException("The command contains a NUL character"));
			}
			DockerCommandExecution execution = DockerCommandExecution.start(this.container, directory,
					request.command(), environment(request.env()), this.executor);
			this.executions.add(execution);
			var unused = execution.exitCode().whenComplete((code, failure) -> this.executions.remove(execution));
			return execution;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * The sandbox's variables, then the request's, as {@code NAME=VALUE}.
	 */
	private List<String> environment(Map<String, String> requested) {
		Map<String, String> merged = new HashMap<>(this.definition.env());
		merged.putAll(requested);
		List<String> environment = new ArrayList<>();
		merged.forEach((name, value) -> {
			if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
				throw new CommandStartException("Invalid environment: names must be non-empty, without '=' or NUL, "
						+ "and values without NUL", new IllegalArgumentException("Invalid environment variable"));
			}
			environment.add(name + "=" + value);
		});
		return environment;
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

	/**
	 * The container's address on its network, which the emulator reaches directly where the
	 * engine runs on this machine's kernel (Linux); none for a container without network, or when
	 * the engine cannot tell.
	 */
	@Override
	public Optional<String> portHost() {
		try {
			return this.container.ipAddress();
		}
		catch (DockerException ex) {
			logger.debug("Cannot inspect the container of sandbox {}", id(), ex);
			return Optional.empty();
		}
	}

	/**
	 * {@inheritDoc} The container is removed, with every process, and a fresh one is created from
	 * the same definition.
	 * @throws RuntimeProvisioningException if the fresh container cannot be created
	 */
	@Override
	public void reset() {
		this.lock.writeLock().lock();
		try {
			if (this.destroyed) {
				return;
			}
			terminate();
			this.portBinding.unbind();
			this.container = this.containers.apply(this.definition);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	@Override
	public void destroy() {
		this.lock.writeLock().lock();
		try {
			if (this.destroyed) {
				return;
			}
			this.destroyed = true;
			try {
				terminate();
			}
			finally {
				this.onDestroy.accept(this);
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Remove the container, which kills every process, and settle what the sandbox followed: the
	 * background processes are killed and forgotten, every command's exit code completes.
	 */
	private void terminate() {
		List<DockerCommandExecution> running = List.copyOf(this.executions);
		running.forEach(DockerCommandExecution::abandon);
		this.processes.clear();
		try {
			this.container.remove();
		}
		finally {
			running.forEach(DockerCommandExecution::containerRemoved);
		}
	}

}

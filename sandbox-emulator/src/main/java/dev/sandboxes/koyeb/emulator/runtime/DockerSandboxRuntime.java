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
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runtime whose sandboxes are Docker containers, one per sandbox, created from the sandbox's
 * image with the CPU and memory of its instance type ({@link DockerInstanceTypes}), no swap, a
 * bounded number of processes, no added privilege, and a network of their own (Docker's default
 * bridge) or none. Every container is labelled with the emulator's labels: {@value #LABEL},
 * {@value #INSTANCE_LABEL} (this runtime), {@value #PID_LABEL} (this JVM),
 * {@value #SANDBOX_LABEL} and {@value #HOST_LABEL} (the machine the JVM runs on). A runtime
 * removes at its start the containers that emulators of this machine left behind when their JVM
 * died, and at its close every container it created.
 */
final class DockerSandboxRuntime implements SandboxRuntime {

	private static final Logger logger = LoggerFactory.getLogger(DockerSandboxRuntime.class);

	/** Every container of the emulator carries it, set to {@code true}. */
	static final String LABEL = "dev.sandboxes.koyeb.emulator";

	/** The runtime that created a container. */
	static final String INSTANCE_LABEL = LABEL + ".instance";

	/** The pid of the JVM that created a container. */
	static final String PID_LABEL = LABEL + ".pid";

	/** The sandbox a container runs. */
	static final String SANDBOX_LABEL = LABEL + ".sandbox";

	/** The host name of the machine whose JVM created a container. */
	static final String HOST_LABEL = LABEL + ".host";

	/** The most processes (threads included) a sandbox runs at once. */
	static final long PIDS_LIMIT = 512;

	private static final Pattern SANDBOX_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	/** This machine's name, as its containers' {@value #HOST_LABEL} label. */
	static final String HOST = hostName();

	private final DockerEngine engine;

	private final boolean networkEnabled;

	private final boolean ownsEngine;

	private final String instance = UUID.randomUUID().toString();

	private final Map<String, DockerSandbox> sandboxes = new ConcurrentHashMap<>();

	private final Set<String> provisioning = new HashSet<>();

	private boolean closed;

	/**
	 * Create a runtime, removing first the containers of emulators of this machine whose JVM is no
	 * longer running. The engine stays open when the runtime is closed: it is the caller's.
	 * @param engine the engine
	 * @param networkEnabled whether containers get a network
	 */
	DockerSandboxRuntime(DockerEngine engine, boolean networkEnabled) {
		this(engine, networkEnabled, false);
	}

	private DockerSandboxRuntime(DockerEngine engine, boolean networkEnabled, boolean ownsEngine) {
		this.engine = engine;
		this.networkEnabled = networkEnabled;
		this.ownsEngine = ownsEngine;
		removeLeftovers();
	}

	/**
	 * Create a runtime that closes the engine when it is closed.
	 * @param engine the engine
	 * @param networkEnabled whether containers get a network
	 * @return the runtime
	 */
	static DockerSandboxRuntime owningEngine(DockerEngine engine, boolean networkEnabled) {
		return new DockerSandboxRuntime(engine, networkEnabled, true);
	}

	@Override
	public String name() {
		return "docker";
	}

	@Override
	public boolean isolated() {
		return true;
	}

	/**
	 * The id of this runtime, as its containers' {@value #INSTANCE_LABEL} label.
	 * @return the id
	 */
	String instance() {
		return this.instance;
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalArgumentException if the sandbox id is not 1 to 64 letters, digits and dashes
	 * @throws RuntimeProvisioningException if the image is not available or the container cannot
	 * be started
	 */
	@Override
	public RuntimeSandbox provision(SandboxDefinition definition) {
		String id = definition.sandboxId();
		if (!SANDBOX_ID.matcher(id).matches()) {
			throw new IllegalArgumentException(
					"Invalid sandbox id (expected 1 to 64 letters, digits and dashes): " + id);
		}
		synchronized (this) {
			if (this.closed) {
				throw closed();
			}
			if (this.sandboxes.containsKey(id) || !this.provisioning.add(id)) {
				throw new RuntimeProvisioningException("Sandbox " + id + " is already provisioned",
						new IllegalStateException("Duplicate sandbox id " + id));
			}
		}
		try {
			String image = definition.image();
			if (!this.engine.imageAvailable(image)) {
				throw new RuntimeProvisioningException("Image " + image + " is not available to Docker: "
						+ this.engine.unavailableReason(image) + ". Pull or build it first (docker pull " + image
						+ ")", new IllegalStateException("Image " + image + " is not available"));
			}
			DockerContainer container = startContainer(definition);
			DockerSandbox sandbox = new DockerSandbox(definition, container, this::startContainer,
					this.engine.executor(), (destroyed) -> this.sandboxes.remove(destroyed.id(), destroyed));
			synchronized (this) {
				if (this.closed) {
					container.remove();
					throw closed();
				}
				this.sandboxes.put(id, sandbox);
			}
			return sandbox;
		}
		finally {
			synchronized (this) {
				this.provisioning.remove(id);
			}
		}
	}

	private RuntimeProvisioningException closed() {
		return new RuntimeProvisioningException("The " + name() + " runtime is closed",
				new IllegalStateException("Runtime closed"));
	}

	/**
	 * Create and start a container for a sandbox.
	 */
	private DockerContainer startContainer(SandboxDefinition definition) {
		DockerInstanceTypes.Resources resources = DockerInstanceTypes.of(definition.instanceType());
		HostConfig hostConfig = HostConfig.newHostConfig()
			.withMemory(resources.memoryBytes())
			.withMemorySwap(resources.memoryBytes())
			.withNanoCPUs(resources.nanoCpus(this.engine.cpus()))
			.withPidsLimit(PIDS_LIMIT)
			.withNetworkMode(this.networkEnabled ? "bridge" : "none");
		Map<String, String> labels = Map.of(LABEL, "true", INSTANCE_LABEL, this.instance, PID_LABEL,
				Long.toString(ProcessHandle.current().pid()), SANDBOX_LABEL, definition.sandboxId(), HOST_LABEL, HOST);
		String name = "koyeb-sandbox-" + definition.sandboxId() + "-"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		return DockerContainer.start(this.engine, new DockerContainer.Specification(definition.image(), name,
				definition.env(), labels, hostConfig));
	}

	/**
	 * Destroy every sandbox, in parallel, then remove whatever container of this runtime is left.
	 */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		List<CompletableFuture<Void>> destroyed = new ArrayList<>();
		for (DockerSandbox sandbox : List.copyOf(this.sandboxes.values())) {
			try {
				destroyed.add(CompletableFuture.runAsync(sandbox::destroy, this.engine.executor()));
			}
			catch (RejectedExecutionException ex) {
				// The engine is closing: one after the other then.
				destroyed.add(CompletableFuture.runAsync(sandbox::destroy, Runnable::run));
			}
		}
		RuntimeException failure = null;
		for (CompletableFuture<Void> destruction : destroyed) {
			try {
				destruction.join();
			}
			catch (CompletionException ex) {
				RuntimeException cause = (ex.getCause() instanceof RuntimeException runtimeFailure) ? runtimeFailure
						: ex;
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
		}
		try {
			removeContainers(Map.of(INSTANCE_LABEL, this.instance), (container) -> true);
		}
		finally {
			if (this.ownsEngine) {
				this.engine.close();
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Remove the containers that emulators of this machine left when their JVM died: labelled with
	 * this host (or no host) and the pid of a process that no longer exists.
	 */
	private void removeLeftovers() {
		int removed = removeContainers(Map.of(LABEL, "true"), (container) -> {
			Map<String, String> labels = container.getLabels();
			if (labels == null) {
				return false;
			}
			String host = labels.get(HOST_LABEL);
			String pid = labels.get(PID_LABEL);
			if ((host != null && !host.equals(HOST)) || pid == null) {
				return false;
			}
			try {
				return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
			}
			catch (NumberFormatException ex) {
				return false;
			}
		});
		if (removed > 0) {
			logger.info("Removed {} container{} left by emulators that are no longer running", removed,
					(removed != 1) ? "s" : "");
		}
		else {
			logger.debug("No container left by emulators that are no longer running");
		}
	}

	/**
	 * Remove the containers that carry some labels and pass a test.
	 * @return how many were removed
	 */
	private int removeContainers(Map<String, String> labels, Predicate<Container> test) {
		List<Container> containers;
		try {
			containers = this.engine.client().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
		}
		catch (DockerException ex) {
			logger.warn("Cannot list the emulator's containers: {}", DockerContainer.message(ex));
			return 0;
		}
		int removed = 0;
		for (Container container : containers) {
			if (!test.test(container)) {
				continue;
			}
			try {
				this.engine.client()
					.removeContainerCmd(container.getId())
					.withForce(true)
					.withRemoveVolumes(true)
					.exec();
				removed++;
			}
			catch (DockerException ex) {
				logger.warn("Cannot remove container {}: {}", container.getId(), DockerContainer.message(ex));
			}
		}
		return removed;
	}

	/**
	 * The name of this machine, as its kernel knows it.
	 */
	private static String hostName() {
		try {
			String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
			if (!name.isEmpty()) {
				return name;
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: ask the environment, then the network stack.
		}
		for (String variable : List.of("HOSTNAME", "COMPUTERNAME")) {
			String name = System.getenv(variable);
			if (name != null && !name.isBlank()) {
				return name.strip();
			}
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}

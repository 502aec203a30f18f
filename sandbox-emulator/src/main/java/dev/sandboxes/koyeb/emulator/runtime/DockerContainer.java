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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.StreamType;
import org.jspecify.annotations.Nullable;

/**
 * One container of a docker sandbox: created from the sandbox's image with its resources, kept
 * alive by an idle shell as pid 1 (which also reaps orphans), and worked with through
 * {@code exec} and the archive API.
 */
final class DockerContainer {

	/**
	 * The container's pid 1: sleeps, reaps the orphans it adopts (a shell's {@code wait} reaps
	 * every child) and ends on {@code SIGTERM}.
	 */
	static final String KEEP_ALIVE = "trap 'exit 0' TERM; while :; do sleep 3600 & wait; done";

	/** The user of the emulator's own scripts, whatever user the image runs as. */
	private static final String ROOT = "0";

	/** How long a helper script may run before it counts as failed. */
	private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

	private final DockerClient client;

	private final String id;

	private @Nullable String ipAddress;

	private DockerContainer(DockerEngine engine, String id) {
		this.client = engine.client();
		this.id = id;
	}

	/**
	 * Create and start a container, with {@code /root} and {@code /workspace}.
	 * @param engine the engine
	 * @param specification what to create
	 * @return the running container
	 * @throws RuntimeProvisioningException if it cannot be created or started
	 */
	static DockerContainer start(DockerEngine engine, Specification specification) {
		DockerClient client = engine.client();
		String id;
		try {
			id = client.createContainerCmd(specification.image())
				.withName(specification.name())
				.withEntrypoint("/bin/sh", "-c", KEEP_ALIVE)
				.withEnv(environment(specification.environment()))
				.withLabels(specification.labels())
				.withWorkingDir(SandboxPaths.DEFAULT_DIRECTORY)
				.withHostConfig(specification.hostConfig())
				.exec()
				.getId();
		}
		catch (DockerException ex) {
			throw new RuntimeProvisioningException(
					"Cannot create a container from image " + specification.image() + ": " + message(ex), ex);
		}
		DockerContainer container = new DockerContainer(engine, id);
		try {
			client.startContainerCmd(id).exec();
			container.run("mkdir -p /root /workspace");
		}
		catch (DockerException | IllegalStateException ex) {
			RuntimeProvisioningException failure = new RuntimeProvisioningException(
					"Cannot start a container from image " + specification.image() + ": " + message(ex), ex);
			try {
				container.remove();
			}
			catch (DockerException removalFailure) {
				failure.addSuppressed(removalFailure);
			}
			throw failure;
		}
		return container;
	}

	/**
	 * The container's id.
	 * @return the id
	 */
	String id() {
		return this.id;
	}

	/**
	 * Run {@code sh -c <script> sh <arguments>} to completion, as root whatever user the image
	 * runs as (as the executor, which runs as root in Koyeb's sandbox image).
	 * @param script the script
	 * @param arguments its positional parameters
	 * @return what it wrote on its standard output (its standard error is dropped)
	 * @throws IllegalStateException if it cannot run or does not end in time
	 */
	byte[] run(String script, String... arguments) {
		List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
		command.addAll(List.of(arguments));
		Collector collector = new Collector();
		try {
			String exec = createExec(command, List.of(), ROOT);
			this.client.execStartCmd(exec).withDetach(false).exec(collector);
			return collector.output.get(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (DockerException ex) {
			throw new IllegalStateException("Cannot run a command in container " + this.id + ": " + message(ex), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot run a command in container " + this.id, ex.getCause());
		}
		catch (TimeoutException ex) {
			collector.closeQuietly();
			throw new IllegalStateException("A command in container " + this.id + " did not end within "
					+ SCRIPT_TIMEOUT.toMinutes() + " minutes", ex);
		}
		catch (InterruptedException ex) {
			collector.closeQuietly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running a command in container " + this.id, ex);
		}
	}

	/**
	 * Create an exec attached to standard output and error, running in {@code /} as the image's
	 * user.
	 * @param command the command line
	 * @param environment variables added to the container's, as {@code NAME=VALUE}
	 * @return the exec's id
	 */
	String createExec(List<String> command, List<String> environment) {
		return createExec(command, environment, null);
	}

	private String createExec(List<String> command, List<String> environment, @Nullable String user) {
		ExecCreateCmd exec = this.client.execCreateCmd(this.id)
			.withAttachStdin(false)
			.withAttachStdout(true)
			.withAttachStderr(true)
			.withTty(false)
			.withWorkingDir("/")
			.withEnv(environment)
			.withCmd(command.toArray(new String[0]));
		if (user != null) {
			exec.withUser(user);
		}
		return exec.exec().getId();
	}

	/**
	 * Start an exec, streaming its output to a callback on a thread of its own.
	 * @param exec the exec's id
	 * @param callback receives the output
	 */
	void startExec(String exec, ResultCallback<Frame> callback) {
		this.client.execStartCmd(exec).withDetach(false).exec(callback);
	}

	/**
	 * The state of an exec.
	 * @param exec the exec's id
	 * @return its exit code once it has ended, empty while it runs
	 * @throws NotFoundException if the exec or its container is gone
	 */
	OptionalLong exitCode(String exec) {
		InspectExecResponse inspected = this.client.inspectExecCmd(exec).exec();
		Long code = inspected.getExitCodeLong();
		return (Boolean.TRUE.equals(inspected.isRunning()) || code == null) ? OptionalLong.empty()
				: OptionalLong.of(code);
	}

	/**
	 * Extract a tar archive into a directory.
	 * @param directory an existing directory of the container
	 * @param archive the archive
	 */
	void copyTo(String directory, byte[] archive) {
		this.client.copyArchiveToContainerCmd(this.id)
			.withRemotePath(directory)
			.withTarInputStream(new ByteArrayInputStream(archive))
			.exec();
	}

	/**
	 * The container's address on its network.
	 * @return the address, empty without network
	 */
	synchronized Optional<String> ipAddress() {
		if (this.ipAddress == null) {
			InspectContainerResponse inspected = this.client.inspectContainerCmd(this.id).exec();
			NetworkSettings settings = inspected.getNetworkSettings();
			Map<String, ContainerNetwork> networks = (settings != null) ? settings.getNetworks() : null;
			if (networks != null) {
				networks.values()
					.stream()
					.map(ContainerNetwork::getIpAddress)
					.filter((address) -> address != null && !address.isEmpty())
					.findFirst()
					.ifPresent((address) -> this.ipAddress = address);
			}
		}
		return Optional.ofNullable(this.ipAddress);
	}

	/**
	 * Remove the container, killing its processes. A container already gone is fine.
	 * @throws DockerException if the engine refuses
	 */
	void remove() {
		try {
			this.client.removeContainerCmd(this.id).withForce(true).withRemoveVolumes(true).exec();
		}
		catch (NotFoundException ex) {
			// Gone already.
		}
	}

	/**
	 * The message of an engine's error, without the noise docker-java adds.
	 * @param failure the error
	 * @return its message
	 */
	static String message(Throwable failure) {
		String message = String.valueOf(failure.getMessage()).strip();
		int colon = message.indexOf(": ");
		String text = (message.startsWith("Status ") && colon > 0) ? message.substring(colon + 2) : message;
		String prefix = "{\"message\":\"";
		if (text.startsWith(prefix) && text.endsWith("\"}")) {
			StringBuilder unescaped = new StringBuilder();
			for (int i = prefix.length(); i < text.length() - 2; i++) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < text.length() - 2) {
					char escaped = text.charAt(++i);
					unescaped.append((escaped == 'n' || escaped == 't') ? ' ' : escaped);
				}
				else {
					unescaped.append(c);
				}
			}
			text = unescaped.toString();
		}
		return text.strip();
	}

	private static List<String> environment(Map<String, String> variables) {
		List<String> environment = new ArrayList<>();
		variables.forEach((name, value) -> environment.add(name + "=" + value));
		return environment;
	}

	/**
	 * What a container is created with.
	 * @param image the image
	 * @param name the container's name
	 * @param environment the container's environment
	 * @param labels its labels
	 * @param hostConfig its resources and network
	 */
	record Specification(String image, String name, Map<String, String> environment, Map<String, String> labels,
			HostConfig hostConfig) {

		@Override
		public String toString() {
			// The environment holds the sandbox's secret: only its names are shown.
			return "Specification[image=" + this.image + ", name=" + this.name + ", environment="
					+ this.environment.keySet() + ", labels=" + this.labels + "]";
		}

	}

	/**
	 * Collects an exec's standard output.
	 */
	private static final class Collector extends DockerCallback<Frame> {

		private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> output = new CompletableFuture<>();

		@Override
		public synchronized void onNext(Frame frame) {
			if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
				this.stdout.writeBytes(frame.getPayload());
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.output.completeExceptionally(failure);
			closeQuietly();
		}

		@Override
		public void onComplete() {
			synchronized (this) {
				this.output.complete(this.stdout.toByteArray());
			}
			closeQuietly();
		}

	}

}

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

import java.util.Optional;

/**
 * One provisioned sandbox: its commands, background processes, files and bound port.
 *
 * @since 0.1.0
 */
public interface RuntimeSandbox {

	/**
	 * The id of the sandbox.
	 * @return the id
	 */
	String id();

	/**
	 * Start {@code sh -c <command>} in the sandbox. The caller reads both output streams and must
	 * {@link CommandExecution#kill() kill} the execution when it stops reading early.
	 * @param request the command, working directory and extra environment
	 * @return the running command
	 * @throws InvalidWorkingDirectoryException if the working directory is not an existing directory
	 * @throws CommandStartException if the process cannot be started
	 */
	CommandExecution launch(CommandRequest request);

	/**
	 * The background processes of the sandbox.
	 * @return the process table
	 */
	ProcessTable processes();

	/**
	 * The file API's view of the sandbox's storage, confined to it.
	 * @return the files
	 */
	SandboxFileSystem files();

	/**
	 * The port the executor forwards exposed traffic to.
	 * @return the port binding
	 */
	PortBinding portBinding();

	/**
	 * The host on which the emulator reaches the sandbox's ports: the loopback interface for
	 * processes on the host's network, the container's address for a container.
	 * @return the host name or address, or empty when the sandbox's ports cannot be reached
	 */
	default Optional<String> portHost() {
		return Optional.of("127.0.0.1");
	}

	/**
	 * Return the sandbox to its initial state, as Koyeb does when a sandbox wakes from deep sleep:
	 * every process killed, storage emptied, no port bound.
	 */
	void reset();

	/**
	 * Kill every process and remove the storage. Idempotent.
	 */
	void destroy();

}

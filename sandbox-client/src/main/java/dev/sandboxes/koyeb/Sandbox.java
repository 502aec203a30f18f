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

package dev.sandboxes.koyeb;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Handle on one sandbox: run commands, move files, manage background processes and ports,
 * change its lifecycle and delete it. Closing the handle deletes the sandbox. Every call
 * blocks for at most its deadline.
 *
 * @since 0.1.0
 */
public interface Sandbox extends AutoCloseable {

	/**
	 * Return the sandbox id (the Koyeb service id), stable across reconnections.
	 * @return the id
	 */
	String id();

	/**
	 * Return the sandbox name.
	 * @return the name
	 */
	String name();

	/**
	 * Return the id of the Koyeb app holding the sandbox.
	 * @return the app id
	 */
	String appId();

	/**
	 * Fetch what the control plane knows of the sandbox now.
	 * @return the sandbox's information
	 */
	SandboxInfo info();

	/**
	 * Run a shell command and collect its output.
	 * @param command the command, run with {@code sh -c}
	 * @return the result; a non-zero exit code is a result, not an exception
	 */
	ExecResult exec(String command);

	/**
	 * Run a command and collect its output.
	 * @param spec the command with its options
	 * @return the result
	 */
	ExecResult exec(ExecSpec spec);

	/**
	 * Run a command, handing each line of output to the consumer as it is printed.
	 * @param spec the command with its options
	 * @param lineConsumer receives each line in order, on a thread where blocking is
	 * allowed
	 * @return the result, whose output keeps the line breaks
	 */
	ExecResult exec(ExecSpec spec, Consumer<OutputLine> lineConsumer);

	/**
	 * Return the sandbox's files.
	 * @return the file operations
	 */
	SandboxFiles files();

	/**
	 * Return the sandbox's background processes.
	 * @return the process operations
	 */
	SandboxProcesses processes();

	/**
	 * Return the sandbox's exposed ports.
	 * @return the port operations
	 */
	SandboxPorts ports();

	/**
	 * Change the sandbox's deletion rules without redeploying it, so its state is kept.
	 * @param lifecycle the new rules; {@code null} components stay unchanged
	 */
	void updateLifecycle(SandboxLifecycle lifecycle);

	/**
	 * Move the sandbox's scheduled deletion to the given time from now, keeping its state.
	 * @param duration how long from now the sandbox may live
	 * @throws InvalidSandboxSpecException if the resulting age would pass Koyeb's limit of
	 * 24 hours after creation
	 */
	void extendLifetime(Duration duration);

	/**
	 * Check whether the sandbox's executor answers its health check.
	 * @return whether it is healthy
	 */
	boolean isHealthy();

	/**
	 * Delete the sandbox, and its app when the app was created for it. A sandbox already
	 * gone counts as deleted.
	 */
	void delete();

	/**
	 * Return the reactive view of this handle.
	 * @return the reactive handle
	 */
	ReactiveSandbox reactive();

	/**
	 * Delete the sandbox.
	 */
	@Override
	void close();

}

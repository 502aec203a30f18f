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

import java.util.Map;

/**
 * How a runtime turns a sandbox command into a host process: its command line, working directory
 * and default environment, through a {@link Session} per sandbox that holds whatever the
 * sandbox's commands share. Everything else (environment assembly, start, tracking, killing) is
 * the same for every runtime and lives in {@link LocalSandbox}.
 */
interface CommandLauncher {

	/** The search path of every command, as in the sandbox image. */
	String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

	/**
	 * The runtime's name.
	 * @return the name
	 */
	String name();

	/**
	 * Whether commands are isolated from the host and from other sandboxes.
	 * @return whether they are
	 */
	boolean isolated();

	/**
	 * The environment of every command of a sandbox, before the sandbox's and the request's own
	 * variables.
	 * @param storage the sandbox's storage
	 * @return the variables
	 */
	Map<String, String> defaultEnvironment(SandboxStorage storage);

	/**
	 * Open the session of a sandbox, without waiting for what its commands share: a session may
	 * start that in the background, and starts it at the latest with the first command.
	 * @param definition what the sandbox was created with
	 * @param paths the sandbox's paths
	 * @return the session
	 */
	Session open(SandboxDefinition definition, SandboxPathResolver paths);

	/**
	 * Release what the launcher holds for all its sandboxes, once every session is closed.
	 * Nothing by default.
	 */
	default void close() {
	}

	/**
	 * How the commands of one sandbox start, with what they share.
	 */
	interface Session {

		/**
		 * Prepare {@code sh -c <command>} in the sandbox. The environment reaches the command
		 * only, never a process that runs outside the sandbox (where a variable such as
		 * {@code LD_PRELOAD} would run the sandbox's code with the emulator's privileges).
		 * @param cwd the working directory as requested, absolute or relative to {@code /root}
		 * @param command the shell command line
		 * @param environment the command's whole environment
		 * @return the command, ready to start
		 * @throws InvalidWorkingDirectoryException if the working directory is not an existing
		 * directory of the sandbox
		 * @throws CommandStartException if what the commands share cannot be started
		 */
		PreparedCommand prepare(String cwd, String command, Map<String, String> environment);

		/**
		 * Kill whatever the session keeps running for the sandbox, with what the commands left
		 * behind in it, and wait until it is gone; the next command starts afresh. Nothing by
		 * default.
		 * @param deadline the {@link System#nanoTime()} to give up waiting at
		 * @throws InterruptedException if interrupted while waiting
		 */
		default void terminate(long deadline) throws InterruptedException {
		}

		/**
		 * Release what the session holds for its sandbox, once {@link #terminate(long)
		 * terminated} for good: the sandbox is being destroyed. Nothing by default.
		 * @param deadline the {@link System#nanoTime()} to give up waiting at
		 * @throws InterruptedException if interrupted while waiting
		 */
		default void close(long deadline) throws InterruptedException {
		}

	}

}

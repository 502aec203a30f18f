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
 * and default environment. Everything else (environment assembly, start, tracking, killing) is
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
	 * A process builder for {@code sh -c <command>} in a sandbox, without environment yet.
	 * @param paths the sandbox's paths
	 * @param cwd the working directory as requested, absolute or relative to {@code /root}
	 * @param command the shell command line
	 * @return the builder
	 * @throws InvalidWorkingDirectoryException if the working directory is not an existing
	 * directory of the sandbox
	 */
	ProcessBuilder processBuilder(SandboxPathResolver paths, String cwd, String command);

}

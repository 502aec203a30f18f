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

package dev.sandboxes.koyeb.ai;

import java.util.function.Function;

import dev.sandboxes.koyeb.Sandbox;

/**
 * Tool {@value #NAME}: runs a shell command in the conversation's sandbox.
 */
final class RunCommandTool extends SandboxToolCallback {

	static final String NAME = "sandbox_run_command";

	private static final ToolParameters PARAMETERS = new ToolParameters(ToolParameter.required("command",
			"The shell command, run with sh -c, for example 'python3 main.py' or "
					+ "'pip install requests && python3 fetch.py'."));

	private final CommandRunner runner;

	RunCommandTool(SandboxToolSessions sessions, SandboxToolOptions options) {
		super(NAME, description(sessions, options), PARAMETERS, sessions, options);
		this.runner = new CommandRunner(options);
	}

	private static String description(SandboxToolSessions sessions, SandboxToolOptions options) {
		return "Run a shell command in this conversation's sandbox: an isolated Linux machine kept for the whole "
				+ "conversation, so files and installed packages from earlier calls are still there. Commands "
				+ "start in " + sessions.workingDirectory() + ". Returns the exit code, the duration, and the "
				+ "standard output and standard error; long output keeps its beginning and end. A command is "
				+ "stopped after " + options.callTimeout().toSeconds() + " s: start servers and other long "
				+ "programs in the background (nohup COMMAND > out.log 2>&1 &) and read their log later. Use it "
				+ "to install packages, run programs and tests, and inspect the system.";
	}

	@Override
	Function<Sandbox, String> prepare(ToolArguments arguments) {
		String command = arguments.required("command");
		if (!CommandRunner.fits(command)) {
			throw new ToolArgumentException("'command' is longer than " + CommandRunner.MAX_COMMAND_BYTES
					+ " bytes, the most a command may have; write long scripts to a file with " + WriteFileTool.NAME
					+ " and run the file, for example 'sh script.sh'.");
		}
		return (sandbox) -> this.runner.run(sandbox, command, workingDirectory());
	}

}

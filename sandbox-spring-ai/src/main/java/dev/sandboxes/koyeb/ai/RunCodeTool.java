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

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxException;

/**
 * Tool {@value #NAME}: writes a snippet of code to a file of its language in the
 * conversation's sandbox and runs it with the language's interpreter.
 */
final class RunCodeTool extends SandboxToolCallback {

	static final String NAME = "sandbox_run_code";

	/**
	 * Start of the name of the file code is written to, in the working directory so that
	 * the code imports the model's modules as a program there would; hidden, with a random
	 * rest so that a model's own files are never overwritten, and deleted after the run.
	 */
	static final String CODE_FILE_PREFIX = ".sandbox-code-";

	private static final ToolParameters PARAMETERS = new ToolParameters(
			ToolParameter
				.required("language", "The language of the code: one of " + String.join(", ", CodeLanguage.names()))
				.withAllowedValues(CodeLanguage.names()),
			ToolParameter.required("code", "The complete program to run."));

	private final CommandRunner runner;

	RunCodeTool(SandboxToolSessions sessions, SandboxToolOptions options) {
		super(NAME, description(sessions, options), PARAMETERS, sessions, options);
		this.runner = new CommandRunner(options);
	}

	private static String description(SandboxToolSessions sessions, SandboxToolOptions options) {
		return "Run a program in this conversation's sandbox and return its output. Languages: "
				+ CodeLanguage.describeAll() + ". The code is saved to a temporary file and runs in "
				+ sessions.workingDirectory() + ", so it can read and write the files there, import modules "
				+ "written there, and see packages installed by earlier calls. Returns the exit code, the duration, and the standard output and "
				+ "standard error; long output keeps its beginning and end. A run is stopped after "
				+ options.callTimeout().toSeconds() + " s.";
	}

	@Override
	Function<Sandbox, String> prepare(ToolArguments arguments) {
		String name = arguments.required("language");
		CodeLanguage language = CodeLanguage.find(name);
		if (language == null) {
			throw new ToolArgumentException("unsupported language '" + name + "'; the supported languages are "
					+ String.join(", ", CodeLanguage.names()) + ". To run another language, write the program "
					+ "with " + WriteFileTool.NAME + " and run it with " + RunCommandTool.NAME + ".");
		}
		String code = arguments.required("code");
		String fileName = CODE_FILE_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "."
				+ language.extension();
		String file = absolutePath(fileName);
		return (sandbox) -> {
			sandbox.files().write(file, code);
			try {
				return this.runner.run(sandbox, language.interpreter() + " " + fileName, workingDirectory());
			}
			finally {
				deleteQuietly(sandbox, file);
			}
		};
	}

	private static void deleteQuietly(Sandbox sandbox, String file) {
		try {
			sandbox.files().delete(file);
		}
		catch (SandboxException ex) {
			// Removed by the code itself, or the sandbox is gone: nothing is left to delete.
		}
	}

}

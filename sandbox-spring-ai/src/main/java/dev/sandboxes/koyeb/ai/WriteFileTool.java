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
 * Tool {@value #NAME}: writes a text file in the conversation's sandbox.
 */
final class WriteFileTool extends SandboxToolCallback {

	static final String NAME = "sandbox_write_file";

	WriteFileTool(SandboxToolSessions sessions, SandboxToolOptions options) {
		super(NAME,
				"Write a text file in this conversation's sandbox, replacing it if it exists and creating missing "
						+ "directories. Paths are absolute or relative to " + sessions.workingDirectory() + ".",
				new ToolParameters(
						ToolParameter.required("path",
								"Where to write: an absolute path, or a path relative to "
										+ sessions.workingDirectory() + " such as 'src/main.py'."),
						ToolParameter.requiredAllowingEmpty("content", "The complete text of the file.")),
				sessions, options);
	}

	@Override
	Function<Sandbox, String> prepare(ToolArguments arguments) {
		String path = absolutePath(arguments.required("path"));
		String content = arguments.required("content");
		return (sandbox) -> {
			sandbox.files().write(path, content);
			return "Wrote " + content.length() + " characters to " + path + ".";
		};
	}

}

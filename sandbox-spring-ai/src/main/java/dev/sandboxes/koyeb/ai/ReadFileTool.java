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
 * Tool {@value #NAME}: reads a text file of the conversation's sandbox.
 */
final class ReadFileTool extends SandboxToolCallback {

	static final String NAME = "sandbox_read_file";

	ReadFileTool(SandboxToolSessions sessions, SandboxToolOptions options) {
		super(NAME,
				"Read a text file of this conversation's sandbox. Paths are absolute or relative to "
						+ sessions.workingDirectory() + ". A long file keeps its beginning and end, around a "
						+ "marker saying how many characters were cut.",
				new ToolParameters(ToolParameter.required("path",
						"The file to read: an absolute path, or a path relative to " + sessions.workingDirectory()
								+ ".")),
				sessions, options);
	}

	@Override
	Function<Sandbox, String> prepare(ToolArguments arguments) {
		String path = absolutePath(arguments.required("path"));
		return (sandbox) -> {
			String content = sandbox.files().readString(path);
			return content.isEmpty() ? "(" + path + " is empty)" : BoundedText.of(content, options().outputLimit());
		};
	}

}

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

import java.util.List;
import java.util.function.Function;

import dev.sandboxes.koyeb.Sandbox;

/**
 * Tool {@value #NAME}: lists the names in a directory of the conversation's sandbox.
 */
final class ListDirectoryTool extends SandboxToolCallback {

	static final String NAME = "sandbox_list_directory";

	ListDirectoryTool(SandboxToolSessions sessions, SandboxToolOptions options) {
		super(NAME,
				"List the names in a directory of this conversation's sandbox, sorted, one per line, not "
						+ "recursively. Without a path, lists " + sessions.workingDirectory() + ". For sizes and "
						+ "types, run 'ls -la' with " + RunCommandTool.NAME + ".",
				new ToolParameters(ToolParameter.optional("path",
						"The directory: an absolute path, or a path relative to " + sessions.workingDirectory()
								+ ". Defaults to " + sessions.workingDirectory() + ".")),
				sessions, options);
	}

	@Override
	Function<Sandbox, String> prepare(ToolArguments arguments) {
		String path = absolutePath(arguments.optional("path", "."));
		return (sandbox) -> {
			List<String> names = sandbox.files().list(path).stream().sorted().toList();
			return names.isEmpty() ? "(" + path + " is empty)"
					: BoundedText.of(String.join("\n", names), options().outputLimit());
		};
	}

}

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

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.Sandbox;

/**
 * Tool {@value #NAME}: reads a text file of the conversation's sandbox.
 */
final class ReadFileTool extends SandboxToolCallback {

	static final String NAME = "sandbox_read_file";

	/**
	 * Files up to this size are read whole and cut to the output limit; larger ones are read
	 * as their beginning and end only, so that a huge file never fills the application's heap.
	 */
	private static final long WHOLE_READ_BYTES = 1024 * 1024;

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
			long size = sizeOf(sandbox, path);
			if (size > Math.max(WHOLE_READ_BYTES, 4L * options().outputLimit())) {
				return headAndTail(sandbox, path, size);
			}
			String content = sandbox.files().readString(path);
			return content.isEmpty() ? "(" + path + " is empty)" : BoundedText.of(content, options().outputLimit());
		};
	}

	/**
	 * Return the size of a regular file in bytes, or {@code -1} when it cannot be told (a
	 * missing file or a directory, whose reading then fails with the executor's own words).
	 */
	private static long sizeOf(Sandbox sandbox, String path) {
		ExecResult result = sandbox.exec(ExecSpec.of("[ -f \"$F\" ] && wc -c < \"$F\"").env("F", path));
		try {
			return (result.exitCode() == 0) ? Long.parseLong(result.stdout().strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Read only the beginning and the end of a file too large to read whole, around a marker
	 * saying how many bytes were left out. A character cut at either edge shows as U+FFFD.
	 */
	private String headAndTail(Sandbox sandbox, String path, long size) {
		int half = options().outputLimit() / 2;
		String head = sandbox.exec(ExecSpec.of("head -c " + half + " \"$F\"").env("F", path)).stdout();
		String tail = sandbox.exec(ExecSpec.of("tail -c " + half + " \"$F\"").env("F", path)).stdout();
		return head + "\n[... " + (size - 2L * half) + " bytes cut ...]\n" + tail;
	}

}

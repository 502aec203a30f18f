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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs commands as plain host processes: {@code sh -c <command>} in the host directory that backs
 * the working directory ({@code /root} is {@code <sandbox>/fs/root}), with {@code HOME} and
 * {@code TMPDIR} pointing into the sandbox's storage. Nothing else is confined: absolute paths in
 * commands are the host's, and commands can read and write whatever the emulator's user can. Only
 * directories of the sandbox's storage are valid working directories. Commands share nothing but
 * the host; every process they start carries a variable naming its sandbox, so that resetting or
 * destroying the sandbox also ends the processes that left their command's tree.
 */
final class PlainLauncher implements CommandLauncher {

	@Override
	public String name() {
		return "plain";
	}

	@Override
	public boolean isolated() {
		return false;
	}

	@Override
	public Map<String, String> defaultEnvironment(SandboxStorage storage) {
		return Map.of("PATH", PATH, "HOME", hostPath(storage, SandboxPaths.DEFAULT_DIRECTORY).toString(), "LANG",
				"C.UTF-8", "TMPDIR", hostPath(storage, "/tmp").toString());
	}

	@Override
	public Session open(SandboxDefinition definition, SandboxPathResolver paths) {
		return new TaggedProcesses(paths);
	}

	private static Path hostPath(SandboxStorage storage, String sandboxPath) {
		return storage.mappingOf(sandboxPath).orElseThrow().hostPath();
	}

	/**
	 * The commands of one plain sandbox, each tagged with a variable naming the sandbox, which
	 * every process it starts inherits: ending the session ends the processes that left the
	 * command's tree too (a {@code nohup server &} whose shell has exited), wherever {@code /proc}
	 * shows processes' environments. A process that clears its environment escapes: plain sandboxes
	 * are not isolated.
	 */
	private static final class TaggedProcesses implements Session {

		private static final String TAG = "KOYEB_EMULATOR_SANDBOX";

		private final SandboxPathResolver paths;

		private final String tag = UUID.randomUUID().toString();

		TaggedProcesses(SandboxPathResolver paths) {
			this.paths = paths;
		}

		@Override
		public PreparedCommand prepare(String cwd, String command, Map<String, String> environment) {
			Path directory = this.paths.directory(SandboxPaths.absolute(cwd))
				.orElseThrow(() -> new InvalidWorkingDirectoryException(cwd));
			ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(directory.toFile());
			try {
				builder.environment().clear();
				builder.environment().putAll(environment);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandStartException("Invalid environment: names must be non-empty, without '=' or NUL, "
						+ "and values without NUL", new IllegalArgumentException("Invalid environment variable"));
			}
			builder.environment().put(TAG, this.tag);
			return PreparedCommand.withoutInput(builder);
		}

		@Override
		public void terminate(long deadline) throws InterruptedException {
			byte[] marker = (TAG + "=" + this.tag + "\0").getBytes(StandardCharsets.UTF_8);
			List<ProcessHandle> tagged = ProcessHandle.allProcesses()
				.filter((process) -> environmentContains(process.pid(), marker))
				.toList();
			List<ProcessHandle> signalled = new ArrayList<>();
			tagged.forEach((process) -> signalled.addAll(ProcessTrees.kill(process)));
			ProcessTrees.awaitEnd(signalled, deadline);
		}

		private static boolean environmentContains(long pid, byte[] marker) {
			try {
				byte[] environment = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
				return indexOf(environment, marker) >= 0;
			}
			catch (IOException | SecurityException ex) {
				return false;
			}
		}

		private static int indexOf(byte[] data, byte[] pattern) {
			for (int i = 0; i <= data.length - pattern.length; i++) {
				if ((i == 0 || data[i - 1] == 0) && Arrays.equals(data, i, i + pattern.length, pattern, 0,
						pattern.length)) {
					return i;
				}
			}
			return -1;
		}

	}

}

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

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs commands as plain host processes: {@code sh -c <command>} in the host directory that backs
 * the working directory ({@code /root} is {@code <sandbox>/fs/root}), with {@code HOME} and
 * {@code TMPDIR} pointing into the sandbox's storage. Nothing else is confined: absolute paths in
 * commands are the host's, and commands can read and write whatever the emulator's user can. Only
 * directories of the sandbox's storage are valid working directories. Commands share nothing but
 * the host: their sessions hold nothing.
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
	public Session open(SandboxPathResolver paths) {
		return (cwd, command, environment) -> {
			Path directory = paths.directory(SandboxPaths.absolute(cwd))
				.orElseThrow(() -> new InvalidWorkingDirectoryException(cwd));
			ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(directory.toFile());
			try {
				builder.environment().clear();
				builder.environment().putAll(environment);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandStartException("Invalid environment variable: " + ex.getMessage(), ex);
			}
			return PreparedCommand.withoutInput(builder);
		};
	}

	private static Path hostPath(SandboxStorage storage, String sandboxPath) {
		return storage.mappingOf(sandboxPath).orElseThrow().hostPath();
	}

}

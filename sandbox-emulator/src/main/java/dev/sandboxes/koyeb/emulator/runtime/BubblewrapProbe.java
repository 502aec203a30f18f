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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds out whether bubblewrap works on this machine the only reliable way: by running
 * {@code true} in a throw-away sandbox of the runtime to be used, with its real options.
 */
final class BubblewrapProbe {

	private static final long TIMEOUT_SECONDS = 5;

	private static final int MAX_STDERR_BYTES = 4096;

	private BubblewrapProbe() {
	}

	/**
	 * Run {@code true} in a sandbox of a bubblewrap runtime.
	 * @param runtime the runtime, with no sandbox yet
	 * @param launcher its launcher, for the description of what was tried
	 * @return empty if it worked, else what was tried and how it failed
	 */
	static Optional<String> problem(SandboxRuntime runtime, BubblewrapLauncher launcher) {
		String tried = "ran `true` with `" + launcher.describe() + " ... sh -c true`";
		RuntimeSandbox sandbox = runtime.provision(new SandboxDefinition("bubblewrap-probe-" + UUID.randomUUID(),
				"probe", DockerInstanceTypes.FALLBACK, Map.of()));
		try {
			CommandExecution execution = sandbox.launch(new CommandRequest("true", null, Map.of()));
			try (InputStream stderr = execution.stderr()) {
				int exitCode = execution.exitCode().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				if (exitCode == 0) {
					return Optional.empty();
				}
				String message = new String(stderr.readNBytes(MAX_STDERR_BYTES), StandardCharsets.UTF_8).strip();
				return Optional.of(tried + ", which exited with code " + exitCode + ": "
						+ (message.isEmpty() ? "(no error output)" : message));
			}
			catch (TimeoutException ex) {
				execution.kill();
				return Optional.of(tried + ", which did not finish within " + TIMEOUT_SECONDS + " seconds");
			}
		}
		catch (CommandStartException ex) {
			return Optional.of(tried + ", which could not start: " + ex.getCause());
		}
		catch (IOException ex) {
			return Optional.of(tried + ", whose error output could not be read: " + ex);
		}
		catch (ExecutionException ex) {
			return Optional.of(tried + ", which failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of(tried + ", but was interrupted");
		}
		finally {
			sandbox.destroy();
		}
	}

}

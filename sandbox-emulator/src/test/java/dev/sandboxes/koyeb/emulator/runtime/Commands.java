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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs commands in sandboxes to completion, reading both streams.
 */
final class Commands {

	private Commands() {
	}

	static Result run(RuntimeSandbox sandbox, String command) {
		return run(sandbox, command, null, Map.of());
	}

	static Result run(RuntimeSandbox sandbox, String command, @Nullable String cwd, Map<String, String> env) {
		CommandExecution execution = sandbox.launch(new CommandRequest(command, cwd, env));
		try {
			CompletableFuture<String> stderr = readInBackground(execution.stderr());
			String stdout = read(execution.stdout());
			return new Result(stdout, stderr.get(30, TimeUnit.SECONDS), execution.exitCode().get(30, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			execution.kill();
			throw new IllegalStateException("Command failed: " + command, ex);
		}
	}

	static CompletableFuture<String> readInBackground(InputStream input) {
		CompletableFuture<String> result = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try {
				result.complete(read(input));
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(ex);
			}
		}, "test-stream-reader");
		reader.setDaemon(true);
		reader.start();
		return result;
	}

	private static String read(InputStream input) {
		try (input) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read a stream to its end, counting its bytes without keeping them.
	 */
	static long countBytes(InputStream stream) throws IOException {
		long count = 0;
		byte[] chunk = new byte[64 * 1024];
		try (stream) {
			int read;
			while ((read = stream.read(chunk)) != -1) {
				count += read;
			}
		}
		return count;
	}

	record Result(String stdout, String stderr, int exitCode) {
	}

}

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
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts every sandbox process from one daemon thread that lives as long as the emulator. The
 * parent-death signal that {@code bwrap --die-with-parent} asks for fires when the thread that
 * started the process ends, not the emulator: started from a pooled request thread, which the
 * pool retires once idle (Reactor's elastic threads after a minute), a sandbox's processes would
 * be killed with that thread.
 */
final class ProcessSpawner {

	private static final ExecutorService THREAD = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "sandbox-process-spawner");
		thread.setDaemon(true);
		return thread;
	});

	private ProcessSpawner() {
	}

	/**
	 * Start a process from the spawner thread, waiting for it without giving up when interrupted
	 * (the process must not be lost once started).
	 * @param builder the process to start
	 * @return the started process
	 * @throws IOException if it cannot start
	 */
	static Process start(ProcessBuilder builder) throws IOException {
		try {
			return CompletableFuture.supplyAsync(() -> {
				try {
					return builder.start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, THREAD).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UncheckedIOException failure) {
				throw failure.getCause();
			}
			throw ex;
		}
	}

}

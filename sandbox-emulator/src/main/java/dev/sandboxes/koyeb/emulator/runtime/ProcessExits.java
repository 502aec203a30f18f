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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The exit codes of sandbox processes, each awaited by a daemon thread of the emulator's own.
 * {@link Process#onExit()} is not used: it completes on the common {@code ForkJoinPool}, so an
 * application that keeps that pool busy with blocking work (a blocking exec inside
 * {@code CompletableFuture.supplyAsync}, which JDK 25 runs there even with one worker) would
 * never learn that its command ended, and would wait for it forever.
 */
final class ProcessExits {

	private static final ExecutorService WAITERS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "koyeb-emulator-process-exit");
		thread.setDaemon(true);
		return thread;
	});

	private ProcessExits() {
	}

	/**
	 * The exit code of a process, once it has exited.
	 * @param process the process
	 * @return its exit code, completed on an emulator thread
	 */
	static CompletableFuture<Integer> of(Process process) {
		return CompletableFuture.supplyAsync(() -> waitFor(process), WAITERS);
	}

	private static int waitFor(Process process) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return process.waitFor();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}

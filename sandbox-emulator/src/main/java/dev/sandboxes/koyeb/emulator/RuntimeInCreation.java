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


package dev.sandboxes.koyeb.emulator;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;

/**
 * Creates the emulator's sandbox runtime on a thread of its own, so that finding out which
 * runtime works on this machine (a trial sandbox under bubblewrap, a look for Docker) overlaps
 * the start of the HTTP server instead of coming before it.
 */
final class RuntimeCreation {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeCreation.class);

	private final FutureTask<SandboxRuntime> task;

	private RuntimeCreation(Supplier<SandboxRuntime> creation) {
		this.task = new FutureTask<>(creation::get);
	}

	/**
	 * Start creating a runtime.
	 * @param creation what creates it
	 * @return the creation under way
	 */
	static RuntimeCreation start(Supplier<SandboxRuntime> creation) {
		RuntimeCreation started = new RuntimeCreation(creation);
		Thread thread = new Thread(started.task, "koyeb-emulator-runtime");
		thread.setDaemon(true);
		thread.start();
		return started;
	}

	/**
	 * Wait for the runtime, without giving up when interrupted: the creation is bounded by
	 * its own time-outs, and a runtime left behind would keep its directories and processes.
	 * The interrupt is kept for the caller.
	 * @return the runtime
	 * @throws RuntimeException what the creation threw
	 */
	SandboxRuntime join() {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return this.task.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					throw rethrown(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Wait for the runtime and close it, for an emulator that failed to start otherwise;
	 * a creation that failed left nothing to close.
	 */
	void discard() {
		try {
			join().close();
		}
		catch (RuntimeException ex) {
			logger.debug("The sandbox runtime of an emulator that failed to start could not be created either", ex);
		}
	}

	private static RuntimeException rethrown(@Nullable Throwable cause) {
		if (cause instanceof RuntimeException runtimeException) {
			return runtimeException;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException("Could not create the sandbox runtime", cause);
	}

}

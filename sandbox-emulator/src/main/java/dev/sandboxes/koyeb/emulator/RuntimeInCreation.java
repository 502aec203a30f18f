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

import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;
import dev.sandboxes.koyeb.emulator.runtime.SandboxDefinition;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;

/**
 * A sandbox runtime that is being created on a thread of its own, so that finding out which
 * runtime works on this machine (a trial sandbox under bubblewrap, a look for Docker) overlaps
 * the rest of the emulator's start instead of coming before it. Every use waits until the
 * runtime is created, and fails as its creation did.
 */
final class RuntimeInCreation implements SandboxRuntime {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeInCreation.class);

	private final FutureTask<SandboxRuntime> creation;

	private RuntimeInCreation(Supplier<SandboxRuntime> creation) {
		this.creation = new FutureTask<>(creation::get);
	}

	/**
	 * Start creating a runtime.
	 * @param creation what creates it
	 * @return the runtime in creation
	 */
	static RuntimeInCreation start(Supplier<SandboxRuntime> creation) {
		RuntimeInCreation runtime = new RuntimeInCreation(creation);
		Thread thread = new Thread(runtime.creation, "koyeb-emulator-runtime");
		thread.setDaemon(true);
		thread.start();
		return runtime;
	}

	/**
	 * Wait until the runtime is created, without giving up when interrupted: the creation
	 * is bounded by its own time-outs, and a runtime left behind would keep its directories
	 * and processes. The interrupt is kept for the caller.
	 * @return the runtime
	 * @throws RuntimeException what the creation threw
	 */
	SandboxRuntime created() {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return this.creation.get();
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

	@Override
	public String name() {
		return created().name();
	}

	@Override
	public boolean isolated() {
		return created().isolated();
	}

	@Override
	public RuntimeSandbox provision(SandboxDefinition definition) {
		return created().provision(definition);
	}

	/**
	 * Wait until the runtime is created and close it; a creation that failed left nothing
	 * to close.
	 */
	@Override
	public void close() {
		SandboxRuntime runtime;
		try {
			runtime = created();
		}
		catch (RuntimeException ex) {
			logger.debug("No sandbox runtime to close: its creation failed", ex);
			return;
		}
		runtime.close();
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

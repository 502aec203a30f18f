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

package dev.sandboxes.koyeb.emulator.executor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Threads for reading command output, which blocks. The pool grows with the number of output
 * streams being read and shrinks when they end, so that a reader never waits behind another
 * (a bounded pool could deadlock a command whose stderr fills while its stdout is read).
 */
public final class BlockingIo implements AutoCloseable {

	private final ExecutorService threads;

	private final Scheduler scheduler;

	/**
	 * Create the pool.
	 */
	public BlockingIo() {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (runnable) -> {
			Thread thread = new Thread(runnable, "koyeb-emulator-output-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.threads = Executors.newCachedThreadPool(factory);
		this.scheduler = Schedulers.fromExecutorService(this.threads, "koyeb-emulator-output");
	}

	ExecutorService threads() {
		return this.threads;
	}

	Scheduler scheduler() {
		return this.scheduler;
	}

	@Override
	public void close() {
		this.scheduler.dispose();
		this.threads.shutdownNow();
	}

}

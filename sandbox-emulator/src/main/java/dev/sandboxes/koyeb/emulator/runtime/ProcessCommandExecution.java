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

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command running as a host process ({@code sh}, or {@code bwrap} around it). Killing it kills
 * its whole process tree as the host sees it; a process that has left the tree (started in the
 * background by a shell that has exited since) keeps running, as on Koyeb, until the sandbox is
 * reset or destroyed.
 */
final class ProcessCommandExecution implements CommandExecution {

	private final Process process;

	private final CompletableFuture<Integer> exitCode;

	private List<ProcessHandle> killed = List.of();

	private boolean endedWithItsSandbox;

	ProcessCommandExecution(Process process) {
		this.process = process;
		this.exitCode = ProcessExits.of(process);
	}

	@Override
	public long pid() {
		return this.process.pid();
	}

	@Override
	public InputStream stdout() {
		return this.process.getInputStream();
	}

	@Override
	public InputStream stderr() {
		return this.process.getErrorStream();
	}

	@Override
	public CompletableFuture<Integer> exitCode() {
		return this.exitCode.copy();
	}

	@Override
	public synchronized boolean endedWithItsSandbox() {
		return this.endedWithItsSandbox;
	}

	/**
	 * Kill the command because its sandbox ends; one that had exited keeps its exit code.
	 */
	synchronized void endWithItsSandbox() {
		this.endedWithItsSandbox = this.process.isAlive();
		kill();
	}

	@Override
	public synchronized void kill() {
		if (this.killed.isEmpty()) {
			this.killed = ProcessTrees.kill(this.process.toHandle());
		}
	}

	/**
	 * Wait until the process and every process {@link #kill()} signalled have ended.
	 * @param deadline the {@link System#nanoTime()} to give up at
	 * @return whether they all ended in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitEnd(long deadline) throws InterruptedException {
		List<ProcessHandle> signalled;
		synchronized (this) {
			signalled = this.killed;
		}
		return this.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
				&& ProcessTrees.awaitEnd(signalled, deadline);
	}

}

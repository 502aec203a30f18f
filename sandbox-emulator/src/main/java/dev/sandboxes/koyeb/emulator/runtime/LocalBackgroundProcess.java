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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A background process: its status, as the executor reports it, and its output, read line by line
 * into a {@link ProcessLog} while it runs. Its logs complete
 * {@value #COMPLETION_DELAY_MILLIS} ms after it has exited and both streams are drained; a
 * process it left running in the background that keeps a stream open delays that by at most
 * {@value #DRAIN_GRACE_MILLIS} ms.
 */
final class LocalBackgroundProcess implements BackgroundProcess {

	private static final long COMPLETION_DELAY_MILLIS = 100;

	private static final long DRAIN_GRACE_MILLIS = 1000;

	/** The exit code the executor reports for a killed process (Go's, for a signal). */
	private static final int KILLED_EXIT_CODE = -1;

	private final String id;

	private final String command;

	private final CommandExecution execution;

	private final ProcessLog log = new ProcessLog();

	private ProcessStatus status = ProcessStatus.RUNNING;

	private @Nullable Integer exitCode;

	private LocalBackgroundProcess(String id, String command, CommandExecution execution) {
		this.id = id;
		this.command = command;
		this.execution = execution;
	}

	/**
	 * Follow a started command as a background process.
	 * @param id the process id
	 * @param command the command line as started
	 * @param execution the running command, whose streams this process reads
	 * @return the process
	 */
	static LocalBackgroundProcess follow(String id, String command, CommandExecution execution) {
		LocalBackgroundProcess process = new LocalBackgroundProcess(id, command, execution);
		process.readOutput();
		return process;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public long pid() {
		return this.execution.pid();
	}

	@Override
	public String command() {
		return this.command;
	}

	@Override
	public synchronized ProcessStatus status() {
		return this.status;
	}

	@Override
	public synchronized @Nullable Integer exitCode() {
		return this.exitCode;
	}


	@Override
	public boolean kill() {
		synchronized (this) {
			if (this.status != ProcessStatus.RUNNING) {
				return this.status == ProcessStatus.KILLED;
			}
			this.status = ProcessStatus.KILLED;
			this.exitCode = KILLED_EXIT_CODE;
		}
		this.execution.kill();
		return true;
	}

	@Override
	public List<LogEntry> backlog() {
		return this.log.backlog();
	}

	@Override
	public Flux<LogEntry> logs() {
		return this.log.follow();
	}

	private void readOutput() {
		CompletableFuture<Void> stdout = LineReader.start(this.execution.stdout(),
				(line, bytes) -> this.log.append(ProcessLog.STDOUT, line, bytes));
		CompletableFuture<Void> stderr = LineReader.start(this.execution.stderr(),
				(line, bytes) -> this.log.append(ProcessLog.STDERR, line, bytes));
		CompletableFuture<Void> drained = CompletableFuture.allOf(stdout, stderr);
		var unused = this.execution.exitCode()
			.thenAccept(this::exited)
			.thenCompose((ignored) -> drained.copy().completeOnTimeout(null, DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS))
			.thenRunAsync(this.log::complete,
					CompletableFuture.delayedExecutor(COMPLETION_DELAY_MILLIS, TimeUnit.MILLISECONDS));
	}

	private synchronized void exited(int code) {
		if (this.status == ProcessStatus.RUNNING) {
			this.status = (code == 0) ? ProcessStatus.COMPLETED : ProcessStatus.FAILED;
			this.exitCode = code;
		}
	}

}

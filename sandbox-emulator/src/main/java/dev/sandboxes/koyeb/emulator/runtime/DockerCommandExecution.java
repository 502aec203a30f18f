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

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command of a docker sandbox: a {@code docker exec} whose output streams as the engine
 * delivers it. The exec runs a small wrapper, {@link #WRAPPER}, which changes to the working
 * directory (or reports that it cannot), writes its pid on standard error as a first line that
 * the emulator takes off the stream, and replaces itself with {@code sh -c <command>}: the
 * command keeps the exec's pid and its own session (the engine gives every exec one; where it
 * does not, {@code setsid} is used when the image has it). Killing the command stops, then kills
 * with {@code SIGKILL}, the command and every process that is still its descendant, as the host
 * runtimes do: a process started in the background by a shell that has exited since keeps
 * running until the sandbox is reset or destroyed.
 */
final class DockerCommandExecution implements CommandExecution {

	private static final Logger logger = LoggerFactory.getLogger(DockerCommandExecution.class);

	/** The exit code of a command killed with {@code SIGKILL}. */
	static final int KILLED = 137;

	/**
	 * Run as {@code sh -c WRAPPER sh <directory> <command>}: the first line on standard error is
	 * {@code pid <pid>}, or {@code cwd} when the directory cannot be entered.
	 */
	static final String WRAPPER = """
			cd -- "$1" 2>/dev/null || { echo cwd >&2; exit 126; }
			echo "pid $$" >&2
			c=$2
			if read -r s 2>/dev/null < /proc/$$/stat; then
				set -- ${s##*") "}
				if [ "$3" != "$$" ] && command -v setsid > /dev/null 2>&1; then
					exec setsid /bin/sh -c "$c"
				fi
			fi
			exec /bin/sh -c "$c"
			""";

	/**
	 * Run as {@code sh -c KILL_TREE sh <pid>}: stops the process, then every process whose parent
	 * is stopped until no new one appears (a stopped process cannot fork), then kills them all.
	 */
	static final String KILL_TREE = """
			t=" $1 "
			kill -STOP "$1" 2>/dev/null || exit 0
			while :; do
				n=
				for d in /proc/[0-9]*; do
					p=${d#/proc/}
					case $t in *" $p "*) continue ;; esac
					read -r s 2>/dev/null < "$d/stat" || continue
					set -- ${s##*") "}
					case $t in *" $2 "*) n="$n $p" ;; esac
				done
				[ -z "$n" ] && break
				kill -STOP $n 2>/dev/null
				t="$t${n# } "
			done
			kill -KILL $t 2>/dev/null
			exit 0
			""";

	/** How long the engine may fail to answer about a command before it counts as killed. */
	private static final Duration ENGINE_LOST = Duration.ofSeconds(60);

	/** How much of each stream is buffered before the command is held back. */
	private static final int PIPE_CAPACITY = 1024 * 1024;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

	private static final int MAX_START_MESSAGE = 4096;

	private static final int KILL_ATTEMPTS = 5;

	private static final long KILL_RETRY_MILLIS = 200;

	private final DockerContainer container;

	private final String exec;

	private final Executor executor;

	private final DockerOutputPipe stdout = new DockerOutputPipe(PIPE_CAPACITY);

	private final DockerOutputPipe stderr = new DockerOutputPipe(PIPE_CAPACITY);

	private final CompletableFuture<Long> started = new CompletableFuture<>();

	private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

	private final Output output = new Output();

	private long pid;

	private boolean killed;

	private boolean endedWithItsSandbox;

	private DockerCommandExecution(DockerContainer container, String exec, Executor executor) {
		this.container = container;
		this.exec = exec;
		this.executor = executor;
	}

	/**
	 * Start a command and wait until it runs.
	 * @param container the sandbox's container
	 * @param cwd the working directory as requested
	 * @param command the shell command line
	 * @param environment variables added to the container's, as {@code NAME=VALUE}
	 * @param executor threads for killing and waiting
	 * @return the running command
	 * @throws InvalidWorkingDirectoryException if the working directory is not a directory
	 * @throws CommandStartException if the command cannot start
	 */
	static DockerCommandExecution start(DockerContainer container, String cwd, String command,
			List<String> environment, Executor executor) {
		DockerCommandExecution execution;
		try {
			String exec = container.createExec(
					List.of("/bin/sh", "-c", WRAPPER, "sh", SandboxPaths.absolute(cwd), command), environment);
			execution = new DockerCommandExecution(container, exec, executor);
			container.startExec(exec, execution.output);
		}
		catch (DockerException ex) {
			throw new CommandStartException("Cannot start sh: " + DockerContainer.message(ex), ex);
		}
		execution.awaitStart(cwd);
		return execution;
	}

	private void awaitStart(String cwd) {
		long startedPid;
		try {
			startedPid = this.started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof WorkingDirectoryMissing) {
				throw new InvalidWorkingDirectoryException(cwd);
			}
			throw new CommandStartException("Cannot start sh: " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			this.output.closeQuietly();
			throw new CommandStartException("Cannot start sh: the container did not start it within "
					+ START_TIMEOUT.toSeconds() + " seconds", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.output.closeQuietly();
			throw new CommandStartException("Interrupted while starting sh", ex);
		}
		synchronized (this) {
			this.pid = startedPid;
		}
	}

	/**
	 * The pid of the command inside its container.
	 */
	@Override
	public synchronized long pid() {
		return this.pid;
	}

	@Override
	public InputStream stdout() {
		return this.stdout;
	}

	@Override
	public InputStream stderr() {
		return this.stderr;
	}

	@Override
	public CompletableFuture<Integer> exitCode() {
		return this.exitCode.copy();
	}

	/**
	 * {@inheritDoc} The processes are killed from another exec, on another thread: this returns at
	 * once, and the exit code completes once they are.
	 */
	@Override
	public void kill() {
		synchronized (this) {
			if (this.killed || this.exitCode.isDone()) {
				return;
			}
			this.killed = true;
		}
		try {
			this.executor.execute(this::killTree);
		}
		catch (RejectedExecutionException ex) {
			killTree();
		}
	}

	/**
	 * Kill the command's tree from another exec, tried again a few times when the container cannot
	 * start it (it may have reached its process limit), then wait for the exit code.
	 */
	private void killTree() {
		for (int attempt = 1; attempt <= KILL_ATTEMPTS && !this.exitCode.isDone(); attempt++) {
			try {
				this.container.run(KILL_TREE, Long.toString(pid()));
				break;
			}
			catch (RuntimeException ex) {
				logger.debug("Cannot kill process {} in container {} (attempt {})", pid(), this.container.id(), attempt,
						ex);
				if (!pause(KILL_RETRY_MILLIS)) {
					return;
				}
			}
		}
		awaitExit(EXIT_TIMEOUT.toNanos());
	}

	private static boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Forget the command because its container is about to be removed, which kills it: killing it
	 * does nothing from now on, and unless it had exited it {@link #endedWithItsSandbox() ends
	 * with its sandbox}.
	 */
	synchronized void abandon() {
		this.killed = true;
		this.endedWithItsSandbox = !this.exitCode.isDone();
	}

	@Override
	public synchronized boolean endedWithItsSandbox() {
		return this.endedWithItsSandbox;
	}

	/**
	 * The container is gone, with the command: its exit code is {@value #KILLED} unless it had
	 * ended before, its streams end once what they buffered is read.
	 */
	void containerRemoved() {
		this.exitCode.complete(KILLED);
		this.stdout.end();
		this.stderr.end();
		this.output.closeQuietly();
	}

	/**
	 * Complete the exit code once the engine says the exec has ended, polling for a while.
	 * @param timeoutNanos how long to poll, {@link Long#MAX_VALUE} for as long as it takes
	 */
	private void awaitExit(long timeoutNanos) {
		long start = System.nanoTime();
		long failingSince = 0;
		boolean failing = false;
		long pause = 5;
		while (!this.exitCode.isDone()) {
			try {
				OptionalLong code = this.container.exitCode(this.exec);
				if (code.isPresent()) {
					this.exitCode.complete((int) code.getAsLong());
					return;
				}
				failing = false;
			}
			catch (NotFoundException ex) {
				this.exitCode.complete(KILLED);
				return;
			}
			catch (RuntimeException ex) {
				logger.debug("Cannot inspect exec {} of container {}", this.exec, this.container.id(), ex);
				if (!failing) {
					failing = true;
					failingSince = System.nanoTime();
				}
				else if (System.nanoTime() - failingSince >= ENGINE_LOST.toNanos()) {
					logger.warn("The Docker engine has not answered about exec {} of container {} for {}: the command "
							+ "counts as killed", this.exec, this.container.id(), ENGINE_LOST);
					this.exitCode.complete(KILLED);
					return;
				}
			}
			if (System.nanoTime() - start >= timeoutNanos || !pause(pause)) {
				return;
			}
			pause = Math.min(pause * 2, 500);
		}
	}

	/**
	 * The output stream has ended: the command has exited (or the engine went away).
	 */
	private void streamEnded(@Nullable Throwable failure, String startMessage) {
		this.stdout.end();
		this.stderr.end();
		if (!this.started.isDone()) {
			String reason = !startMessage.isBlank() ? startMessage.strip()
					: (failure != null) ? String.valueOf(failure.getMessage())
							: "the engine ended the command before it started";
			this.started.completeExceptionally(new IllegalStateException(reason, failure));
			this.exitCode.complete(KILLED);
			return;
		}
		awaitExit(EXIT_TIMEOUT.toNanos());
		if (!this.exitCode.isDone()) {
			// The engine lost the exec: keep looking, on another thread, until it ends.
			try {
				this.executor.execute(() -> awaitExit(Long.MAX_VALUE));
			}
			catch (RejectedExecutionException ex) {
				this.exitCode.complete(KILLED);
			}
		}
	}

	/**
	 * The exec's output, on the engine's stream thread: standard output and error to their pipes,
	 * once the wrapper's first line is taken off standard error. The engine reads both streams
	 * apart, so the command's first output may come before that line: it is held back until then.
	 * Should the command fail to start, what came on standard output is the engine's message.
	 */
	private final class Output extends DockerCallback<Frame> {

		private final ByteArrayOutputStream firstLine = new ByteArrayOutputStream();

		private final List<byte[]> early = new ArrayList<>();

		private boolean running;

		@Override
		public void onNext(Frame frame) {
			// The transport may reuse a frame's array for the next frame: the pipes keep a copy.
			byte[] payload = frame.getPayload().clone();
			try {
				if (frame.getStreamType() == StreamType.STDERR) {
					byte[] rest = payload;
					if (!this.running) {
						rest = takeFirstLine(payload);
						if (this.running) {
							for (byte[] chunk : this.early) {
								DockerCommandExecution.this.stdout.write(chunk);
							}
							this.early.clear();
						}
					}
					if (rest.length > 0) {
						DockerCommandExecution.this.stderr.write(rest);
					}
				}
				else if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
					if (this.running) {
						DockerCommandExecution.this.stdout.write(payload);
					}
					else {
						this.early.add(payload);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				closeQuietly();
			}
		}

		/**
		 * What came on standard output before the command ran.
		 */
		private String earlyOutput() {
			ByteArrayOutputStream text = new ByteArrayOutputStream();
			for (byte[] chunk : this.early) {
				if (text.size() < MAX_START_MESSAGE) {
					text.writeBytes(chunk);
				}
			}
			return text.toString(StandardCharsets.UTF_8);
		}

		private byte[] takeFirstLine(byte[] payload) {
			int newline = -1;
			for (int i = 0; i < payload.length && newline < 0; i++) {
				if (payload[i] == '\n') {
					newline = i;
				}
			}
			if (newline < 0) {
				this.firstLine.writeBytes(payload);
				if (this.firstLine.size() > MAX_START_MESSAGE) {
					DockerCommandExecution.this.started
						.completeExceptionally(new IllegalStateException("Unexpected output from the container"));
					closeQuietly();
				}
				return new byte[0];
			}
			this.firstLine.write(payload, 0, newline);
			String line = this.firstLine.toString(StandardCharsets.UTF_8);
			if (line.startsWith("pid ")) {
				try {
					long startedPid = Long.parseLong(line.substring(4).strip());
					this.running = true;
					DockerCommandExecution.this.started.complete(startedPid);
				}
				catch (NumberFormatException ex) {
					DockerCommandExecution.this.started.completeExceptionally(ex);
				}
			}
			else {
				DockerCommandExecution.this.started.completeExceptionally(
						line.equals("cwd") ? new WorkingDirectoryMissing() : new IllegalStateException(line));
			}
			return Arrays.copyOfRange(payload, newline + 1, payload.length);
		}

		@Override
		public void onError(Throwable failure) {
			streamEnded(failure, this.running ? "" : earlyOutput());
			closeQuietly();
		}

		@Override
		public void onComplete() {
			streamEnded(null, this.running ? "" : earlyOutput());
			closeQuietly();
		}

	}

	/**
	 * The wrapper could not enter the working directory.
	 */
	private static final class WorkingDirectoryMissing extends Exception {

		private static final long serialVersionUID = 1L;

		WorkingDirectoryMissing() {
			super("Invalid working directory", null, false, false);
		}

	}

}

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

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import dev.sandboxes.koyeb.emulator.runtime.CommandExecution;

/**
 * The answer of {@code /run}, {@code {"stdout":…,"stderr":…,"code":…}}, written while the command
 * runs: stdout is passed through as it is produced, stderr is spooled meanwhile and follows, and
 * the exit code closes the object. Koyeb's executor answers once the command has exited; this one
 * starts with the first output instead, so that its memory does not grow with the output. Memory stays bounded whatever the command prints, and the
 * command is killed (with everything it started) if the caller goes away. A command that ended
 * with its sandbox has no exit code: its reply fails with {@link SandboxEndedException} there.
 */
final class RunReply {

	private static final int CHUNK = 32 * 1024;

	private enum Part {

		OPENING, STDOUT, STDERR, EXIT, DONE

	}

	private final CommandExecution execution;

	private final OutputSpool stderr;

	private final CompletableFuture<Void> stderrDrained;

	private final byte[] buffer = new byte[CHUNK];

	private Part part = Part.OPENING;

	private Utf8Text text = new Utf8Text();

	private @Nullable InputStream stderrContent;

	private RunReply(CommandExecution execution, BlockingIo io) {
		this.execution = execution;
		this.stderr = new OutputSpool();
		this.stderrDrained = CompletableFuture.runAsync(() -> this.stderr.drain(execution.stderr()), io.threads());
	}

	/**
	 * The reply body of a started command, as JSON text chunks.
	 * @param execution the command
	 * @param io the threads that read its output
	 * @return the chunks, produced on demand; cancelling kills the command, which also unblocks a
	 * read in progress
	 */
	static Flux<String> of(CommandExecution execution, BlockingIo io) {
		return Flux.<String, RunReply>generate(() -> new RunReply(execution, io), (reply, sink) -> {
			String next = reply.next();
			if (next != null) {
				sink.next(next);
			}
			else {
				sink.complete();
			}
			return reply;
		}, RunReply::release).subscribeOn(io.scheduler()).doOnCancel(execution::kill);
	}

	/**
	 * The next chunk of the answer. A part that carries no output goes out with the part that
	 * follows it: the answer starts with the first output, and a command that prints nothing is
	 * answered in one write when it exits, as Koyeb's executor answers every command.
	 */
	private @Nullable String next() {
		switch (this.part) {
			case OPENING -> {
				this.part = Part.STDOUT;
				return "{\"stdout\":\"" + nextOrEmpty();
			}
			case STDOUT -> {
				String chunk = readEscaped(this.execution.stdout());
				if (chunk != null) {
					return chunk;
				}
				awaitStderr();
				this.stderrContent = this.stderr.content();
				this.text = new Utf8Text();
				this.part = Part.STDERR;
				return "\",\"stderr\":\"" + nextOrEmpty();
			}
			case STDERR -> {
				InputStream content = this.stderrContent;
				String chunk = (content != null) ? readEscaped(content) : null;
				if (chunk != null) {
					return chunk;
				}
				this.part = Part.EXIT;
				return "\"" + nextOrEmpty();
			}
			case EXIT -> {
				this.part = Part.DONE;
				int code = this.execution.exitCode().join();
				if (this.execution.endedWithItsSandbox()) {
					throw new SandboxEndedException();
				}
				return ((code != 0) ? ",\"error\":\"Non-zero exit code\"" : "") + ",\"code\":" + code + "}\n";
			}
			default -> {
				return null;
			}
		}
	}

	private String nextOrEmpty() {
		String next = next();
		return (next != null) ? next : "";
	}

	private @Nullable String readEscaped(InputStream in) {
		int read = readQuietly(in);
		String escaped = (read >= 0) ? this.text.escape(this.buffer, read, false) : this.text.escape(this.buffer, 0, true);
		return (read < 0 && escaped.isEmpty()) ? null : escaped;
	}

	private int readQuietly(InputStream in) {
		try {
			return in.read(this.buffer);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// Nothing more to read from it either way.
		}
	}

	private void awaitStderr() {
		try {
			this.stderrDrained.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading stderr", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read stderr", ex.getCause());
		}
	}

	// The stderr spool closes once drained; nothing waits for it.
	@SuppressWarnings("FutureReturnValueIgnored")
	private void release() {
		if (this.part != Part.DONE) {
			this.execution.kill();
		}
		closeQuietly(this.execution.stdout());
		InputStream content = this.stderrContent;
		if (content != null) {
			closeQuietly(content);
		}
		this.stderrDrained.whenComplete((drained, failure) -> this.stderr.close());
	}

}

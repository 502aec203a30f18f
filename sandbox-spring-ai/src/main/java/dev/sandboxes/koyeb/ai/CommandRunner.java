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

package dev.sandboxes.koyeb.ai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.StreamType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a model's shell command in a sandbox within the call timeout, and describes the
 * outcome for the model: exit code, duration, and standard output and standard error,
 * each bounded while it streams so that memory stays bounded whatever the command prints.
 * <p>
 * The command runs under {@code timeout}, in a process group of its own: past the call
 * timeout it is sent {@code TERM}, then {@code KILL} after a grace period, and then every
 * process left in its group is killed, background ones included. The output printed so far
 * is kept. The client gives up a few seconds later still, for an image without
 * {@code timeout}. Either way the sandbox stays usable. When the command returns, the
 * script prints a line with its exit code, under a random marker, on both streams: reading
 * stops there, so that a command leaving background processes that hold its output open
 * returns at once with its own exit code. Commands start in the working directory, made
 * again if a command removed it, without the executor's secret in their environment.
 */
final class CommandRunner {

	/**
	 * Most bytes of a command: the script that runs it must fit the single argument the
	 * kernel passes to {@code sh -c} (128 KiB).
	 */
	static final int MAX_COMMAND_BYTES = 120_000;

	/**
	 * Exit codes of a command stopped by {@code timeout}: its own, and a command that died
	 * of {@code KILL} or {@code TERM}.
	 */
	private static final Set<Integer> TIMEOUT_EXIT_CODES = Set.of(124, 137, 143);

	private static final Duration KILL_GRACE = Duration.ofSeconds(2);

	private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

	/**
	 * How long the end of the script is awaited once both streams carried the exit code:
	 * enough when no background process holds the output open.
	 */
	private static final Duration END_GRACE = Duration.ofMillis(300);

	private static final String MARKER_PREFIX = "koyeb-sandbox-exit-";

	private final Duration timeout;

	private final int outputLimit;

	CommandRunner(SandboxToolOptions options) {
		this.timeout = options.callTimeout();
		this.outputLimit = options.outputLimit();
	}

	/**
	 * Run a command and describe its outcome.
	 * @param sandbox the sandbox
	 * @param command the shell command, at most {@link #MAX_COMMAND_BYTES} bytes in UTF-8
	 * @param workingDirectory where it runs
	 * @return the outcome, written for the model
	 */
	String run(Sandbox sandbox, String command, String workingDirectory) {
		String nonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		Run run = new Run(MARKER_PREFIX + nonce + ":", this.outputLimit);
		Duration deadline = this.timeout.plus(KILL_GRACE).plus(CLIENT_GRACE);
		ExecSpec spec = ExecSpec.of(script(command, workingDirectory, nonce)).timeout(deadline);
		long start = System.nanoTime();
		try {
			sandbox.reactive()
				.execStream(spec)
				.doOnNext(run::accept)
				.takeUntilOther(run.returned().then(Mono.delay(END_GRACE)))
				.takeUntilOther(Mono.delay(deadline))
				.blockLast();
		}
		catch (SandboxTimeoutException ex) {
			// The deadline passed before the command completed: reported as a timeout below.
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		Integer code = run.exitCode();
		boolean timedOut = code == null
				|| (TIMEOUT_EXIT_CODES.contains(code) && duration.compareTo(this.timeout) >= 0);
		return describe(timedOut ? null : code, run.leftRunning() && !timedOut, duration, run);
	}

	/**
	 * Return whether a command is short enough to be run.
	 * @param command the command
	 * @return whether it has at most {@link #MAX_COMMAND_BYTES} bytes in UTF-8
	 */
	static boolean fits(String command) {
		return command.getBytes(StandardCharsets.UTF_8).length <= MAX_COMMAND_BYTES;
	}

	/**
	 * Return the script that runs a command in the working directory, made again if the
	 * model removed it, under {@code timeout} where the image has it, and prints the exit
	 * code under the marker. The command appears once, so that long commands fit; the
	 * marker is joined only when printed, so that a command listing processes, whose
	 * arguments include this script, does not print it. {@code timeout} makes the process
	 * group; it is killed with {@code kill -KILL -PGID}, as {@code dash} reads no {@code --}
	 * there.
	 */
	private String script(String command, String workingDirectory, String nonce) {
		String directory = quote(workingDirectory);
		return "unset " + SandboxSpec.SECRET_ENV_KEY + "; mkdir -p " + directory + " && cd " + directory
				+ " || exit 1; c=" + quote(command) + "; if command -v timeout >/dev/null 2>&1; then timeout -k "
				+ KILL_GRACE.toSeconds() + " " + this.timeout.toSeconds() + " sh -c \"$c\" & p=$!; wait \"$p\"; "
				+ "e=$?; case $e in 124|137) kill -KILL -\"$p\" 2>/dev/null;; esac; else sh -c \"$c\"; e=$?; fi; "
				+ "m=" + MARKER_PREFIX + "; m=${m}" + nonce + ":$e; echo \"$m\"; echo \"$m\" >&2; exit \"$e\"";
	}

	private static String quote(String word) {
		return "'" + word.replace("'", "'\"'\"'") + "'";
	}

	private String describe(@Nullable Integer exitCode, boolean leftRunning, Duration duration, Run run) {
		StringBuilder text = new StringBuilder();
		if (exitCode != null) {
			text.append("exit code: ").append(exitCode).append('\n');
		}
		else {
			text.append("timed out: the command was stopped after ")
				.append(this.timeout.toSeconds())
				.append(" s, the limit of one call, with the processes it started; the sandbox is still usable. ")
				.append("Run longer programs in the background (nohup COMMAND > out.log 2>&1 &) and read their ")
				.append("log in later calls.\n");
		}
		if (leftRunning) {
			text.append("background processes it started are still running; what they print later is not ")
				.append("shown: redirect it to a file to read it.\n");
		}
		text.append("duration: ").append(duration.toMillis()).append(" ms\n");
		appendStream(text, "stdout", run.stdout);
		appendStream(text, "stderr", run.stderr);
		return text.toString();
	}

	private static void appendStream(StringBuilder text, String name, BoundedText output) {
		if (output.length() == 0) {
			text.append(name).append(": (empty)\n");
			return;
		}
		String printed = output.toString();
		text.append(name).append(":\n").append(printed);
		if (!printed.endsWith("\n")) {
			text.append("\n[no newline at the end]\n");
		}
	}

	/**
	 * What one run has printed so far, and the exit codes it reported.
	 */
	private static final class Run {

		private final String marker;

		private final BoundedText stdout;

		private final BoundedText stderr;

		private volatile @Nullable Integer returnedCode;

		private volatile @Nullable Integer completedCode;

		private final AtomicInteger streamsReturned = new AtomicInteger();

		private final Sinks.Empty<Void> returned = Sinks.empty();

		Run(String marker, int outputLimit) {
			this.marker = marker;
			this.stdout = new BoundedText(outputLimit);
			this.stderr = new BoundedText(outputLimit);
		}

		void accept(ExecEvent event) {
			if (event instanceof OutputLine line) {
				BoundedText target = (line.stream() == StreamType.STDERR) ? this.stderr : this.stdout;
				String text = line.text();
				int markerStart = text.lastIndexOf(this.marker);
				Integer code = (markerStart >= 0) ? parseCode(text.substring(markerStart + this.marker.length()))
						: null;
				if (code == null) {
					target.append(text);
					target.append("\n");
					return;
				}
				// The marker starts a line of its own: what precedes it ended without a newline.
				target.append(text.substring(0, markerStart));
				this.returnedCode = code;
				if (this.streamsReturned.incrementAndGet() == 2) {
					this.returned.tryEmitEmpty();
				}
			}
			else if (event instanceof ExecCompleted completed) {
				this.completedCode = completed.exitCode();
				this.returned.tryEmitEmpty();
			}
		}

		private static @Nullable Integer parseCode(String text) {
			if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
				return null;
			}
			return Integer.valueOf(text);
		}

		Mono<Void> returned() {
			return this.returned.asMono();
		}

		@Nullable Integer exitCode() {
			Integer returned = this.returnedCode;
			return (returned != null) ? returned : this.completedCode;
		}

		/**
		 * Return whether the command returned but the script's end was not seen: processes
		 * it left in the background hold its output open.
		 */
		boolean leftRunning() {
			return this.returnedCode != null && this.completedCode == null;
		}

	}

}

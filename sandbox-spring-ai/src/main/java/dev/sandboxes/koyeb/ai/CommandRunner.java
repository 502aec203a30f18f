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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.StreamType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs a model's shell command in a sandbox within the call timeout, and describes the
 * outcome for the model: exit code, duration, and standard output and standard error,
 * each bounded while it streams so that memory stays bounded whatever the command prints.
 * <p>
 * The timeout is enforced twice: inside the sandbox by {@code timeout}, which stops the
 * command with the processes it started and keeps the output printed so far, and by the
 * client a few seconds later, for a command that ignores the signal or an image without
 * {@code timeout}. Either way the sandbox stays usable. Commands start in the working
 * directory, made again if a command removed it, without the executor's secret in their
 * environment.
 */
final class CommandRunner {

	/**
	 * Exit code of {@code timeout} when it stopped the command.
	 */
	static final int TIMEOUT_EXIT_CODE = 124;

	private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

	private final Duration timeout;

	private final int outputLimit;

	CommandRunner(SandboxToolOptions options) {
		this.timeout = options.callTimeout();
		this.outputLimit = options.outputLimit();
	}

	/**
	 * Run a command and describe its outcome.
	 * @param sandbox the sandbox
	 * @param command the shell command
	 * @param workingDirectory where it runs
	 * @return the outcome, written for the model
	 */
	String run(Sandbox sandbox, String command, String workingDirectory) {
		BoundedText stdout = new BoundedText(this.outputLimit);
		BoundedText stderr = new BoundedText(this.outputLimit);
		AtomicReference<Integer> exitCode = new AtomicReference<>();
		Duration deadline = this.timeout.plus(CLIENT_GRACE);
		ExecSpec spec = ExecSpec.of(limited(command, workingDirectory)).timeout(deadline);
		long start = System.nanoTime();
		try {
			sandbox.reactive().execStream(spec).takeUntilOther(Mono.delay(deadline)).doOnNext((event) -> {
				if (event instanceof OutputLine line) {
					BoundedText target = (line.stream() == StreamType.STDERR) ? stderr : stdout;
					target.append(line.text());
					target.append("\n");
				}
				else if (event instanceof ExecCompleted completed) {
					exitCode.set(completed.exitCode());
				}
			}).blockLast();
		}
		catch (SandboxTimeoutException ex) {
			// Silent for longer than the deadline: reported as a timeout below.
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		Integer code = exitCode.get();
		boolean timedOut = code == null || (code == TIMEOUT_EXIT_CODE && duration.compareTo(this.timeout) >= 0);
		return describe(timedOut ? null : code, duration, stdout, stderr);
	}

	/**
	 * Return the script that runs a command in the working directory, made again if the
	 * model removed it, under {@code timeout} where the image has it.
	 */
	private String limited(String command, String workingDirectory) {
		String directory = quote(workingDirectory);
		String quoted = quote(command);
		return "unset " + SandboxSpec.SECRET_ENV_KEY + "; mkdir -p " + directory + " && cd " + directory
				+ " || exit 1; if command -v timeout >/dev/null 2>&1; then exec timeout " + this.timeout.toSeconds()
				+ " sh -c " + quoted + "; else exec sh -c " + quoted + "; fi";
	}

	private static String quote(String word) {
		return "'" + word.replace("'", "'\"'\"'") + "'";
	}

	private String describe(@Nullable Integer exitCode, Duration duration, BoundedText stdout, BoundedText stderr) {
		StringBuilder text = new StringBuilder();
		if (exitCode != null) {
			text.append("exit code: ").append(exitCode).append('\n');
		}
		else {
			text.append("timed out: the command was stopped after ")
				.append(this.timeout.toSeconds())
				.append(" s, the limit of one call; the sandbox is still usable. Run longer programs in the ")
				.append("background (nohup COMMAND > out.log 2>&1 &) and read their log in later calls.\n");
		}
		text.append("duration: ").append(duration.toMillis()).append(" ms\n");
		appendStream(text, "stdout", stdout);
		appendStream(text, "stderr", stderr);
		return text.toString();
	}

	private static void appendStream(StringBuilder text, String name, BoundedText output) {
		if (output.length() == 0) {
			text.append(name).append(": (empty)\n");
			return;
		}
		text.append(name).append(":\n").append(output);
	}

}

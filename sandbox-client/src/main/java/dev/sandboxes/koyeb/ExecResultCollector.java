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

package dev.sandboxes.koyeb;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Collects the events of a streamed command into an {@link ExecResult}, restoring the
 * line breaks the stream drops.
 */
final class ExecResultCollector implements Consumer<ExecEvent> {

	private final Consumer<OutputLine> lineConsumer;

	private final StringBuilder stdout = new StringBuilder();

	private final StringBuilder stderr = new StringBuilder();

	private final long startedAt = System.nanoTime();

	private int exitCode = -1;

	ExecResultCollector(Consumer<OutputLine> lineConsumer) {
		this.lineConsumer = lineConsumer;
	}

	@Override
	public void accept(ExecEvent event) {
		if (event instanceof OutputLine line) {
			StringBuilder target = (line.stream() == StreamType.STDOUT) ? this.stdout : this.stderr;
			target.append(line.text()).append('\n');
			this.lineConsumer.accept(line);
		}
		else if (event instanceof ExecCompleted completed) {
			this.exitCode = completed.exitCode();
		}
	}

	ExecResult result(ExecSpec spec) {
		ExecResult result = new ExecResult(this.stdout.toString(), this.stderr.toString(), this.exitCode,
				Duration.ofNanos(System.nanoTime() - this.startedAt));
		return checkExit(spec, result);
	}

	static ExecResult checkExit(ExecSpec spec, ExecResult result) {
		if (spec.isFailOnNonZeroExit() && !result.isSuccess()) {
			throw new SandboxCommandException(result);
		}
		return result;
	}

}

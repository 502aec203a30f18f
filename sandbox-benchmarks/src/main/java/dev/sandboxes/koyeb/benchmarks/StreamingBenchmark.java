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


package dev.sandboxes.koyeb.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.benchmarks.support.StreamedOutput;
import dev.sandboxes.koyeb.benchmarks.support.WebClientExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100 MiB of standard output, in lines of 100 characters, streamed from a sandbox of an
 * embedded emulator (plain runtime): through the reactive streamed exec
 * ({@link #streamedExec}, every event decoded into an {@link OutputLine}) and, as the
 * baseline, the raw server-sent event stream read by a bare WebClient that only counts its
 * bytes ({@link #rawSse}). The score is milliseconds per 100 MiB. Whether the client's heap stays flat is measured by
 * {@link dev.sandboxes.koyeb.benchmarks.memory.MemoryFootprint}.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(1)
public class StreamingBenchmark {

	/** Bytes of output per command. */
	public static final long OUTPUT_BYTES = 100L * 1024 * 1024;

	/**
	 * Stream the output through the client and count the bytes of its lines.
	 * @param sandbox the sandbox
	 * @return the bytes of output, line breaks included
	 */
	@Benchmark
	public long streamedExec(StreamingSandbox sandbox) {
		long bytes = sandbox.output.stream(OUTPUT_BYTES)
			.reduce(0L, (count, event) -> (event instanceof OutputLine line) ? count + line.text().length() + 1
					: count + check((ExecCompleted) event))
			.blockOptional()
			.orElseThrow();
		return StreamedOutput.checkReceived(OUTPUT_BYTES, bytes);
	}

	/**
	 * Read the same stream raw and count its bytes, event framing included.
	 * @param sandbox the sandbox
	 * @return the bytes of the stream
	 */
	@Benchmark
	public long rawSse(StreamingSandbox sandbox) {
		long bytes = sandbox.rawExecutor.streamedBytes().blockOptional().orElseThrow();
		if (bytes < OUTPUT_BYTES) {
			throw new IllegalStateException("The stream had " + bytes + " bytes, fewer than its output");
		}
		return bytes;
	}

	private static long check(ExecCompleted completed) {
		if (completed.exitCode() != 0) {
			throw new IllegalStateException("The command exited with " + completed.exitCode());
		}
		return 0;
	}

	/**
	 * An emulator with a sandbox that prints {@value #OUTPUT_BYTES} bytes, and a bare
	 * WebClient of its executor, whose address is read from the control plane.
	 */
	@State(Scope.Benchmark)
	public static class StreamingSandbox {

		StreamedOutput output;

		WebClientExecutor rawExecutor;

		/**
		 * Start the emulator, create the sandbox and read its address.
		 */
		@Setup(Level.Trial)
		public void start() {
			this.output = StreamedOutput.start();
			this.rawExecutor = this.output.rawExecutor(OUTPUT_BYTES);
		}

		/**
		 * Stop the emulator.
		 */
		@TearDown(Level.Trial)
		public void stop() {
			this.output.close();
		}

	}

}

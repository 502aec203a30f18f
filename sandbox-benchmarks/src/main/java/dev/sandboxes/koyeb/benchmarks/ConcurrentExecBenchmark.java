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

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.sandboxes.koyeb.ReactiveSandbox;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.benchmarks.support.EmulatorFixture;
import dev.sandboxes.koyeb.benchmarks.support.WebClientExecutor;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Commands in flight at once over 8 sandboxes of an embedded emulator, from one benchmark
 * thread: {@value #EXECS} runs of {@code true} per invocation, at most {@code inFlight}
 * at a time, through {@link dev.sandboxes.koyeb.ReactiveSandboxTemplate}
 * ({@link #reactiveTemplate}) and, as the baseline, a bare WebClient per sandbox
 * ({@link #rawWebClient}). The score is commands per second. The
 * {@link dev.sandboxes.koyeb.benchmarks.support.PeakThreadsProfiler} shows whether
 * threads grow with the calls in flight.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(1)
public class ConcurrentExecBenchmark {

	static final int EXECS = 512;

	private static final int SANDBOXES = 8;

	private static final String COMMAND = "true";

	/**
	 * Run the commands through the reactive template.
	 * @param sandboxes the sandboxes
	 */
	@Benchmark
	@OperationsPerInvocation(EXECS)
	public void reactiveTemplate(EightSandboxes sandboxes) {
		runAll(sandboxes.inFlight, (i) -> sandboxes.handles.get(i % SANDBOXES).exec(COMMAND));
	}

	/**
	 * Run the commands through bare WebClients.
	 * @param sandboxes the sandboxes
	 */
	@Benchmark
	@OperationsPerInvocation(EXECS)
	public void rawWebClient(EightSandboxes sandboxes) {
		runAll(sandboxes.inFlight, (i) -> sandboxes.executors.get(i % SANDBOXES).run());
	}

	private static void runAll(int inFlight, IntFunction<Publisher<?>> exec) {
		Flux.range(0, EXECS).flatMap(exec::apply, inFlight).then().block();
	}

	/**
	 * An emulator with 8 sandboxes, for the whole trial: their reactive handles, and a bare
	 * WebClient of each one's executor, whose address is read from the control plane.
	 */
	@State(Scope.Benchmark)
	public static class EightSandboxes {

		/** How many commands are in flight at most. */
		@Param({ "1", "16", "64", "256" })
		public int inFlight;

		/** Where the sandboxes' commands run. */
		@Param({ "PLAIN" })
		public RuntimeMode runtime;

		EmulatorFixture fixture;

		List<ReactiveSandbox> handles;

		List<WebClientExecutor> executors;

		/**
		 * Start the emulator, create the sandboxes and read their addresses.
		 */
		@Setup(Level.Trial)
		public void start() {
			this.fixture = EmulatorFixture.start(this.runtime);
			List<Sandbox> sandboxes = this.fixture.createSandboxes(SANDBOXES);
			this.handles = sandboxes.stream().map(Sandbox::reactive).toList();
			this.executors = sandboxes.stream()
				.map((sandbox) -> new WebClientExecutor(this.fixture.rawAddress(sandbox.id()), COMMAND))
				.toList();
		}

		/**
		 * Stop the emulator.
		 */
		@TearDown(Level.Trial)
		public void stop() {
			this.fixture.close();
		}

	}

}

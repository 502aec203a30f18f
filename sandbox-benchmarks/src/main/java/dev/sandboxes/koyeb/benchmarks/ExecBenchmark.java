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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.benchmarks.support.EmulatorFixture;
import dev.sandboxes.koyeb.benchmarks.support.JdkHttpExecutor;
import dev.sandboxes.koyeb.benchmarks.support.RawExecutorAddress;
import dev.sandboxes.koyeb.benchmarks.support.WebClientExecutor;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One command's round trip, {@code true} in a sandbox of an embedded emulator: through
 * {@link dev.sandboxes.koyeb.SandboxTemplate} ({@link #template}) and, as baselines, a
 * raw {@code POST /run} with the JDK's HTTP client ({@link #rawJdkHttpClient}, also the
 * emulator's own cost of a command) and with a bare WebClient ({@link #rawWebClient}).
 * The floor of the command itself is {@link SpawnFloorBenchmark}.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(1)
public class ExecBenchmark {

	private static final String COMMAND = "true";

	/**
	 * Run {@code true} with the template.
	 * @param sandbox the sandbox
	 * @return the result
	 */
	@Benchmark
	public ExecResult template(OneSandbox sandbox) {
		ExecResult result = sandbox.sandbox.exec(COMMAND);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("true exited with " + result.exitCode());
		}
		return result;
	}

	/**
	 * Run {@code true} with a raw request of the JDK's HTTP client.
	 * @param sandbox the sandbox
	 * @return the answer's body
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	public String rawJdkHttpClient(OneSandbox sandbox) throws IOException, InterruptedException {
		return sandbox.jdkHttpClient.run();
	}

	/**
	 * Run {@code true} with a raw request of a bare WebClient.
	 * @param sandbox the sandbox
	 * @return the answer's body
	 */
	@Benchmark
	public String rawWebClient(OneSandbox sandbox) {
		return sandbox.webClient.run().blockOptional().orElseThrow();
	}

	/**
	 * An emulator with one sandbox, for the whole trial, and raw clients of its executor
	 * whose address is read from the control plane.
	 */
	@State(Scope.Benchmark)
	public static class OneSandbox {

		/** Where the sandbox's commands run. */
		@Param({ "PLAIN", "BUBBLEWRAP" })
		public RuntimeMode runtime;

		EmulatorFixture fixture;

		Sandbox sandbox;

		JdkHttpExecutor jdkHttpClient;

		WebClientExecutor webClient;

		/**
		 * Start the emulator, create the sandbox and read its address.
		 */
		@Setup(Level.Trial)
		public void start() {
			this.fixture = EmulatorFixture.start(this.runtime);
			this.sandbox = this.fixture.createSandbox();
			RawExecutorAddress address = this.fixture.rawAddress(this.sandbox.id());
			this.jdkHttpClient = new JdkHttpExecutor(address, COMMAND);
			this.webClient = new WebClientExecutor(address, COMMAND);
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

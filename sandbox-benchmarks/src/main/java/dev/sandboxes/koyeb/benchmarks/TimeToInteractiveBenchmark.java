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

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.benchmarks.support.EmulatorFixture;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import org.jspecify.annotations.Nullable;
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
 * Time to interactive: a new sandbox created with the template on an embedded emulator's
 * process runtime, until its first command ({@code true}) is done. Each sandbox is deleted
 * after it is measured, outside the measurement. The floor is {@link SpawnFloorBenchmark}:
 * starting the same isolated process directly.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TimeToInteractiveBenchmark {

	/** Where the sandboxes' commands run. */
	@Param({ "PLAIN", "BUBBLEWRAP" })
	public RuntimeMode runtime;

	private EmulatorFixture fixture;

	private @Nullable Sandbox created;

	/**
	 * Start the emulator.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.fixture = EmulatorFixture.start(this.runtime);
	}

	/**
	 * Stop the emulator.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		this.fixture.close();
	}

	/**
	 * Delete the sandbox the last invocation created.
	 */
	@TearDown(Level.Invocation)
	public void deleteCreated() {
		Sandbox sandbox = this.created;
		if (sandbox != null) {
			this.created = null;
			sandbox.delete();
		}
	}

	/**
	 * Create a sandbox and run {@code true} in it.
	 * @return the command's result
	 */
	@Benchmark
	public ExecResult createThenExec() {
		Sandbox sandbox = this.fixture.createSandbox();
		this.created = sandbox;
		ExecResult result = sandbox.exec("true");
		if (result.exitCode() != 0) {
			throw new IllegalStateException("true exited with " + result.exitCode());
		}
		return result;
	}

}

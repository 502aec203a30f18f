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

import dev.sandboxes.koyeb.benchmarks.support.DirectSpawn;
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
 * The floor under every command of the emulator: {@code true} spawned directly from Java,
 * as a plain process or in a bubblewrap sandbox like the emulator's. The baseline of
 * {@link ExecBenchmark#rawJdkHttpClient} (a command in the emulator) and of
 * {@link TimeToInteractiveBenchmark} (a new sandbox).
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SpawnFloorBenchmark {

	/** How {@code true} is spawned. */
	@Param({ "PLAIN", "BUBBLEWRAP" })
	public RuntimeMode runtime;

	private DirectSpawn spawn;

	/**
	 * Prepare the spawner.
	 */
	@Setup(Level.Trial)
	public void prepare() {
		this.spawn = DirectSpawn.of(this.runtime);
	}

	/**
	 * Remove what the spawner made.
	 * @throws IOException if its directory cannot be removed
	 */
	@TearDown(Level.Trial)
	public void clean() throws IOException {
		this.spawn.close();
	}

	/**
	 * Spawn {@code true} and wait for it.
	 * @return its exit code
	 * @throws IOException if it cannot start
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	public int spawnTrue() throws IOException, InterruptedException {
		return this.spawn.run();
	}

}

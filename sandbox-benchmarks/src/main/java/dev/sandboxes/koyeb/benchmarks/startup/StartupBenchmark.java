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


package dev.sandboxes.koyeb.benchmarks.startup;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up of the {@link BenchmarkApplication} in each {@link StartupVariant}:
 * {@code SpringApplication.run} is measured, from its call to the refreshed context, which
 * is closed outside the measurement.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {

	/**
	 * Start in a fresh JVM, as an application starts: one context per fork, so class
	 * loading and the JIT's cold start count.
	 * @param state the variant
	 * @return the context
	 */
	@Benchmark
	@Fork(3)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	public ConfigurableApplicationContext cold(StartupState state) {
		return state.start();
	}

	/**
	 * Start again and again in one JVM, each context closed before the next: the classes
	 * are loaded and compiled, so what remains is the work of each start.
	 * @param state the variant
	 * @return the context
	 */
	@Benchmark
	@Fork(1)
	@Warmup(iterations = 6)
	@Measurement(iterations = 8)
	public ConfigurableApplicationContext warm(StartupState state) {
		return state.start();
	}

}

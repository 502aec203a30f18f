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


package dev.sandboxes.koyeb.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the most threads the benchmark's JVM had alive at once during each iteration, as
 * the secondary result {@value #RESULT}: a client that held a thread per call in flight
 * would show it there. Emulator threads count too, so compare benchmarks of the same run.
 *
 * @since 0.1.0
 */
public final class PeakThreadsProfiler implements InternalProfiler {

	/** Name of the reported result. */
	public static final String RESULT = "threads.peak";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@Override
	public String getDescription() {
		return "Most live threads of the JVM during each iteration";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.threads.resetPeakThreadCount();
	}

	@Override
	@SuppressWarnings("rawtypes") // the type JMH declares
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		return List.of(new ScalarResult(RESULT, this.threads.getPeakThreadCount(), "threads", AggregationPolicy.MAX));
	}

}

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


package dev.sandboxes.koyeb.reliability;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.resources.ConnectionProvider;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandboxes created, used and deleted at a steady rate for {@code koyeb.soak.duration} (25 s in
 * every build; {@code -Dkoyeb.soak.duration=PT10M} on demand), to the end whatever fails: no
 * cycle may fail, the heap after
 * a full collection and the number of threads must stay flat once warmed up, and at the end
 * nothing may be held beyond the steady state. The samples are logged.
 */
class SoakTests {

	private static final Logger logger = LoggerFactory.getLogger(SoakTests.class);

	private static final int WORKERS = 4;

	/** Each worker starts a cycle at most this often. */
	private static final Duration CYCLE_PERIOD = Duration.ofSeconds(1);

	/** Heap that may differ between two samples of a steady workload: objects of cycles in flight. */
	private static final long HEAP_SLACK = 16L * 1024 * 1024;

	/** Threads that may differ between two samples: pools that grow and shrink with the load. */
	private static final int THREADS_SLACK = 12;

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.preferablyIsolated();

	private final Duration duration = Duration.parse(System.getProperty("koyeb.soak.duration", "PT25S"));

	@Test
	void steadyCreateUseDeleteKeepsHeapAndThreadsFlatAndLeavesNothingBehind() throws Exception {
		ConnectionProvider connections = SteadyState.connectionsClosedWhenIdle("soak-tests", 4 * WORKERS);
		try {
			SandboxTemplate template = emulator.templateBuilder(connections).build();
			cycle(template, 0);
			SteadyState baseline = SteadyState.awaitQuiet(emulator);

			ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
			List<Sample> samples = soak(template, failures);

			List<Sample> settled = samples.subList(samples.size() / 4, samples.size());
			List<Sample> early = settled.subList(0, settled.size() / 3);
			List<Sample> late = settled.subList(settled.size() * 2 / 3, settled.size());
			logger.info("Soak of {}: {} samples, heap after GC {} MiB early, {} MiB late ({} MiB/min), threads {} early, "
					+ "{} late", this.duration, samples.size(), mebibytes(max(early, Sample::heap)),
					mebibytes(max(late, Sample::heap)), String.format(Locale.ROOT, "%.2f", slope(settled)),
					max(early, Sample::threads), max(late, Sample::threads));
			assertThat(failures).isEmpty();
			assertThat(max(late, Sample::heap)).isLessThanOrEqualTo(max(early, Sample::heap) + HEAP_SLACK);
			assertThat(max(late, Sample::threads)).isLessThanOrEqualTo(max(early, Sample::threads) + THREADS_SLACK);
			SteadyState after = SteadyState.awaitBackTo(baseline, emulator, 4);
			logger.info("Steady state after the soak: {}", after);
		}
		finally {
			connections.dispose();
		}
	}

	private List<Sample> soak(SandboxTemplate template, ConcurrentLinkedQueue<String> failures) throws Exception {
		long deadline = System.nanoTime() + this.duration.toNanos();
		AtomicLong cycles = new AtomicLong();
		AtomicInteger names = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS,
				(task) -> new Thread(task, "soak-worker-" + names.incrementAndGet()));
		List<Sample> samples = new CopyOnWriteArrayList<>();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int worker = 0; worker < WORKERS; worker++) {
				running.add(workers.submit(() -> work(template, deadline, cycles, failures)));
			}
			Duration interval = max(Duration.ofSeconds(1), this.duration.dividedBy(60));
			while (System.nanoTime() < deadline) {
				Thread.sleep(interval.toMillis());
				samples.add(Sample.take());
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		finally {
			workers.shutdown();
			assertThat(workers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}
		logger.info("{} cycles of create, 3 commands, a file written and read, delete in {}, {} failed", cycles.get(),
				this.duration, failures.size());
		assertThat(cycles.get()).isGreaterThanOrEqualTo(WORKERS);
		assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
		return samples;
	}

	private static void work(SandboxTemplate template, long deadline, AtomicLong cycles,
			ConcurrentLinkedQueue<String> failures) {
		long next = System.nanoTime();
		while (next < deadline) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				sleep(wait);
			}
			next = Math.max(System.nanoTime(), next + CYCLE_PERIOD.toNanos());
			try {
				cycle(template, cycles.incrementAndGet());
			}
			catch (RuntimeException | AssertionError ex) {
				failures.add(ex.toString());
			}
		}
	}

	/**
	 * One sandbox's life: create, three commands, a file written and read back, delete.
	 */
	private static void cycle(SandboxTemplate template, long number) {
		try (Sandbox sandbox = template.create(SandboxSpec.builder().name("soak-" + number).build())) {
			for (int command = 0; command < 3; command++) {
				String line = "cycle " + number + " command " + command;
				ExecResult result = sandbox.exec("echo " + line);
				assertThat(result).as("%s in sandbox %s", line, sandbox.id())
					.isEqualTo(new ExecResult(line + "\n", "", 0, result.duration()));
			}
			String content = "content of cycle " + number + "\n".repeat(1024);
			sandbox.files().write("soak.txt", content);
			assertThat(sandbox.files().readString("soak.txt")).isEqualTo(content);
		}
	}

	private static void sleep(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Duration max(Duration first, Duration second) {
		return (first.compareTo(second) >= 0) ? first : second;
	}

	private static long max(List<Sample> samples, ToLongFunction<Sample> value) {
		return samples.stream().mapToLong(value).max().orElseThrow();
	}

	private static long mebibytes(long bytes) {
		return bytes / (1024 * 1024);
	}

	/**
	 * The least-squares slope of the heap after GC, in MiB per minute.
	 */
	private static double slope(List<Sample> samples) {
		double meanTime = samples.stream().mapToDouble(Sample::minutes).average().orElse(0);
		double meanHeap = samples.stream().mapToDouble((sample) -> sample.heap() / (1024.0 * 1024)).average().orElse(0);
		double covariance = 0;
		double variance = 0;
		for (Sample sample : samples) {
			double time = sample.minutes() - meanTime;
			covariance += time * (sample.heap() / (1024.0 * 1024) - meanHeap);
			variance += time * time;
		}
		return (variance == 0) ? 0 : covariance / variance;
	}

	/**
	 * The heap after a full collection and the live threads, at one moment.
	 */
	private record Sample(long nanoTime, long heap, long threads) {

		static Sample take() {
			System.gc();
			return new Sample(System.nanoTime(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
					ManagementFactory.getThreadMXBean().getThreadCount());
		}

		double minutes() {
			return this.nanoTime / 60e9;
		}

	}

}

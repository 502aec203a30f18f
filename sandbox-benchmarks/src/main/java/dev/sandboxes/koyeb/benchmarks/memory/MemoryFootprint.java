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


package dev.sandboxes.koyeb.benchmarks.memory;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.benchmarks.support.EmulatorFixture;
import dev.sandboxes.koyeb.benchmarks.support.StreamedOutput;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * Measures memory in a JVM of its own (run it with {@code -Xmx512m}, as
 * {@link dev.sandboxes.koyeb.benchmarks.BenchmarkMain} does) and prints a Markdown report.
 * Heap figures are the live heap after full collections.
 * <ul>
 * <li>The heap of an open {@link Sandbox} handle: {@value #HANDLES} handles of one sandbox
 * obtained with {@code get(id)}, which builds the same objects as {@code create}.</li>
 * <li>The emulator's memory per idle sandbox, with {@value #SANDBOXES} sandboxes open at
 * once: the heap they add, less their handles, and the processes that keep each sandbox's
 * namespaces (bubblewrap runtime, started with the sandbox); then again once each has run a
 * command.</li>
 * <li>The heap while 10 MiB and 100 MiB of output are streamed through the client, sampled
 * every 10 MiB: flat if it does not grow with the output.</li>
 * </ul>
 * Usage: {@code MemoryFootprint [BUBBLEWRAP|PLAIN]}, bubblewrap by default.
 *
 * @since 0.1.0
 */
public final class MemoryFootprint {

	static final int SANDBOXES = 1000;

	static final int HANDLES = 10_000;

	private static final int CALLS_AT_ONCE = 8;

	private static final long MIB = 1024 * 1024;

	private static final long SAMPLE_EVERY = 10 * MIB;

	/** The most memory 1,000 idle sandboxes may hold in the emulator: 512 MB. */
	private static final long TARGET_BYTES = 512_000_000L;

	/**
	 * How much more live heap streaming 100 MiB may show than streaming 10 MiB and still
	 * count as flat: less than one sample's worth of output.
	 */
	private static final long FLAT_MARGIN = 4 * MIB;

	private final MemoryProbe probe = new MemoryProbe();

	private final List<String> report = new ArrayList<>();

	private MemoryFootprint() {
	}

	/**
	 * Measure and print the report.
	 * @param args the runtime of the emulator's sandboxes, {@code BUBBLEWRAP} by default
	 * @throws Exception if a measurement fails
	 */
	public static void main(String[] args) throws Exception {
		RuntimeMode runtime = (args.length > 0) ? RuntimeMode.valueOf(args[0].toUpperCase(Locale.ROOT))
				: RuntimeMode.BUBBLEWRAP;
		MemoryFootprint footprint = new MemoryFootprint();
		try (EmulatorFixture fixture = EmulatorFixture.start(runtime)) {
			footprint.sandboxes(fixture, runtime);
		}
		footprint.streaming();
		footprint.report.forEach(System.out::println);
	}

	private void sandboxes(EmulatorFixture fixture, RuntimeMode runtime)
			throws InterruptedException, ExecutionException {
		Sandbox first = fixture.createSandbox();
		first.exec("true");
		long perHandle = perHandle(fixture, first.id());
		first.delete();
		long heapBefore = this.probe.liveHeap();
		long residentBefore = this.probe.residentSetSize();
		long started = System.nanoTime();
		List<Sandbox> sandboxes = inParallel(SANDBOXES, (i) -> fixture.createSandbox());
		long created = System.nanoTime();
		long heapOpen = this.probe.liveHeap();
		long residentOpen = this.probe.residentSetSize();
		MemoryProbe.Descendants processesOpen = this.probe.descendants();
		long ran = System.nanoTime();
		inParallel(SANDBOXES, (i) -> sandboxes.get(i).exec("true"));
		long used = System.nanoTime();
		long heapUsed = this.probe.liveHeap();
		long residentUsed = this.probe.residentSetSize();
		MemoryProbe.Descendants processes = this.probe.descendants();
		long deleting = System.nanoTime();
		inParallel(SANDBOXES, (i) -> {
			sandboxes.get(i).delete();
			return i;
		});
		long deleted = System.nanoTime();
		long handles = perHandle * SANDBOXES;
		this.report.add("## Memory: " + SANDBOXES + " sandboxes open at once (" + runtime.name().toLowerCase(Locale.ROOT)
				+ " runtime, -Xmx" + Runtime.getRuntime().maxMemory() / MIB + "m)");
		this.report.add("");
		this.report.add("| what | per sandbox | " + SANDBOXES + " sandboxes |");
		this.report.add("|---|---|---|");
		row("heap of an open `Sandbox` handle", handles);
		row("emulator heap per idle sandbox", heapOpen - heapBefore - handles);
		row("processes per idle sandbox (" + processesOpen.count() + " processes, proportional set size)",
				processesOpen.proportionalSetSize());
		row("emulator heap per idle sandbox that has run a command", heapUsed - heapBefore - handles);
		row("processes per idle sandbox that has run a command (" + processes.count()
				+ " processes, proportional set size)", processes.proportionalSetSize());
		this.report.add("");
		verdict("idle sandboxes, none of which has run a command (their heap and processes)",
				heapOpen - heapBefore - handles + processesOpen.proportionalSetSize());
		verdict("idle sandboxes that have each run a command (their heap and processes)",
				heapUsed - heapBefore - handles + processes.proportionalSetSize());
		this.report.add("");
		this.report.add(String.format(Locale.ROOT,
				"Whole JVM (client and emulator) with the %d sandboxes: %.1f MiB of live heap once created, "
						+ "%.1f MiB once each has run a command (%.1f MiB with the sandboxes' processes); "
						+ "resident set %.1f MiB before, %.1f MiB once created, %.1f MiB once each has run a command "
						+ "(committed heap included). Creating them %d at a time took %.1f s, a first command in each "
						+ "%.1f s, deleting them %.1f s.",
				SANDBOXES, (double) heapOpen / MIB, (double) heapUsed / MIB,
				(double) (heapUsed + processes.proportionalSetSize()) / MIB, (double) residentBefore / MIB,
				(double) residentOpen / MIB, (double) residentUsed / MIB, CALLS_AT_ONCE, seconds(created - started),
				seconds(used - ran), seconds(deleted - deleting)));
		this.report.add("");
	}

	private long perHandle(EmulatorFixture fixture, String sandboxId) {
		fixture.template().get(sandboxId);
		long before = this.probe.liveHeap();
		List<Sandbox> handles = new ArrayList<>(HANDLES);
		try {
			for (int i = 0; i < HANDLES; i++) {
				handles.add(fixture.template().get(sandboxId));
			}
			return (this.probe.liveHeap() - before) / HANDLES;
		}
		finally {
			Reference.reachabilityFence(handles);
		}
	}

	private void verdict(String what, long bytes) {
		this.report.add(String.format(Locale.ROOT,
				"- The emulator holds %d %s in %.1f MiB (target under 512 MB = %.1f MiB): %s.", SANDBOXES, what,
				(double) bytes / MIB, TARGET_BYTES / (double) MIB, (bytes < TARGET_BYTES) ? "met" : "missed"));
	}

	private void row(String what, long bytes) {
		this.report.add(String.format(Locale.ROOT, "| %s | %.1f KiB | %.1f MiB |", what,
				(double) bytes / SANDBOXES / 1024, (double) bytes / MIB));
	}

	private void streaming() {
		this.report.add("## Heap while output is streamed (reactive streamed exec, plain runtime)");
		this.report.add("");
		this.report.add("| output | live heap before | most live heap while streaming |");
		this.report.add("|---|---|---|");
		try (StreamedOutput output = StreamedOutput.start()) {
			List<Long> mostHeaps = new ArrayList<>();
			for (long bytes : new long[] { 10 * MIB, 100 * MIB }) {
				long before = this.probe.liveHeap();
				AtomicLong received = new AtomicLong();
				AtomicLong nextSample = new AtomicLong(SAMPLE_EVERY);
				AtomicLong most = new AtomicLong();
				output.stream(bytes).ofType(OutputLine.class).doOnNext((line) -> {
					long total = received.addAndGet(line.text().length() + 1);
					if (total >= nextSample.get()) {
						nextSample.addAndGet(SAMPLE_EVERY);
						most.accumulateAndGet(this.probe.liveHeap(), Math::max);
					}
				}).blockLast();
				StreamedOutput.checkReceived(bytes, received.get());
				this.report.add(String.format(Locale.ROOT, "| %d MiB | %.1f MiB | %.1f MiB |", bytes / MIB,
						(double) before / MIB, (double) most.get() / MIB));
				mostHeaps.add(most.get());
			}
			long growth = mostHeaps.get(1) - mostHeaps.get(0);
			this.report.add("");
			this.report.add(String.format(Locale.ROOT,
					"Streaming 100 MiB held %.1f MiB more live heap than streaming 10 MiB (flat: less than %d MiB): %s.",
					(double) growth / MIB, FLAT_MARGIN / MIB, (growth < FLAT_MARGIN) ? "flat" : "grows"));
		}
		this.report.add("");
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static <T> List<T> inParallel(int count, IndexedCall<T> call)
			throws InterruptedException, ExecutionException {
		ExecutorService threads = Executors.newFixedThreadPool(CALLS_AT_ONCE);
		try {
			List<Callable<T>> calls = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int index = i;
				calls.add(() -> call.apply(index));
			}
			List<T> results = new ArrayList<>(count);
			for (Future<T> result : threads.invokeAll(calls)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			threads.shutdown();
		}
	}

	/**
	 * A call made once per index.
	 * @param <T> its result
	 */
	@FunctionalInterface
	private interface IndexedCall<T> {

		T apply(int index);

	}

}

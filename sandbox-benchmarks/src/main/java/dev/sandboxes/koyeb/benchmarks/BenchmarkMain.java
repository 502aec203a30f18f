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
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.sandboxes.koyeb.benchmarks.memory.MemoryFootprint;
import dev.sandboxes.koyeb.benchmarks.support.PeakThreadsProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks: the JMH benchmarks selected by the usual JMH options (all by
 * default) in rounds, each round running every one of them once, with
 * {@link PeakThreadsProfiler} and JSON results next to the jar; then
 * {@link MemoryFootprint} in a JVM of its own with a 512 MiB heap. It prints a summary in
 * Markdown, each figure next to its baseline and the ratio to its target (also written next
 * to the jar as {@value #SUMMARY}). Rounds make the ratios hold on a machine whose load
 * changes while they run: each ratio is taken within a round, and the summary gives the
 * median over the rounds with their range. {@code -Dbenchmark.rounds=N} sets their number,
 * {@value #DEFAULT_ROUNDS} by default. {@code -h}, {@code -l} and the other listing options
 * behave as in JMH.
 *
 * @since 0.1.0
 */
public final class BenchmarkMain {

	static final String ROUNDS_PROPERTY = "benchmark.rounds";

	static final int DEFAULT_ROUNDS = 3;

	static final String SUMMARY = "benchmarks-summary.md";

	private static final String MEMORY_REPORT = "memory-footprint.md";

	private BenchmarkMain() {
	}

	/**
	 * Run the benchmarks.
	 * @param args JMH options; a benchmark regexp matching
	 * {@code memory.MemoryFootprint} selects the memory measurement
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		CommandLineOptions options = new CommandLineOptions(args);
		if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
				|| options.shouldListProfilers() || options.shouldListResultFormats()) {
			org.openjdk.jmh.Main.main(args);
			return;
		}
		Path directory = jarDirectory();
		MachineDescription machine = MachineDescription.now();
		List<Collection<RunResult>> rounds = new ArrayList<>();
		List<String> roundLoads = new ArrayList<>();
		if (selectsJmh(options.getIncludes())) {
			int count = Integer.getInteger(ROUNDS_PROPERTY, DEFAULT_ROUNDS);
			for (int round = 1; round <= count; round++) {
				roundLoads.add(MachineDescription.currentLoadAverage());
				System.out.println("# Round " + round + " of " + count + ", load average " + roundLoads.get(round - 1));
				rounds.add(runJmh(options, directory.resolve("benchmarks-round-" + round + ".json")));
			}
		}
		List<String> memory = selectsMemory(options) ? runMemoryFootprint(directory) : List.of();
		List<String> summary = new ArrayList<>(machine.describe(MachineDescription.now(), roundLoads));
		summary.addAll(new BenchmarkSummary(rounds).lines());
		summary.addAll(memory);
		Files.write(directory.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
		System.out.println();
		summary.forEach(System.out::println);
		System.out.println("Summary written to " + directory.resolve(SUMMARY));
	}

	private static Collection<RunResult> runJmh(CommandLineOptions options, Path results) throws RunnerException {
		ChainedOptionsBuilder builder = new OptionsBuilder().parent(options).addProfiler(PeakThreadsProfiler.class);
		if (!options.getResult().hasValue()) {
			builder.result(results.toString());
		}
		if (!options.getResultFormat().hasValue()) {
			builder.resultFormat(ResultFormatType.JSON);
		}
		return new Runner(builder.build()).run();
	}

	private static List<String> runMemoryFootprint(Path directory) throws IOException, InterruptedException {
		Path report = directory.resolve(MEMORY_REPORT);
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				MemoryFootprint.class.getName())
			.redirectOutput(report.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		System.out.println("# Memory footprint: " + MemoryFootprint.class.getName() + " (in a JVM with -Xmx512m)");
		int code = process.waitFor();
		if (code != 0) {
			throw new IllegalStateException("The memory footprint measurement failed with exit code " + code);
		}
		return Files.readAllLines(report, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the benchmark regexps select JMH benchmarks: all of them when there is none,
	 * else unless each one selects only the memory measurement.
	 */
	private static boolean selectsJmh(List<String> includes) {
		return includes.isEmpty() || !includes.stream().allMatch(BenchmarkMain::matchesMemory);
	}

	private static boolean selectsMemory(CommandLineOptions options) {
		boolean included = options.getIncludes().isEmpty()
				|| options.getIncludes().stream().anyMatch(BenchmarkMain::matchesMemory);
		return included && options.getExcludes().stream().noneMatch(BenchmarkMain::matchesMemory);
	}

	private static boolean matchesMemory(String regexp) {
		return Pattern.compile(regexp).matcher(MemoryFootprint.class.getName()).find();
	}

	private static Path jarDirectory() throws URISyntaxException {
		Path location = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path directory = location.getParent();
		if (directory == null) {
			throw new IllegalStateException("Cannot tell where " + location + " is");
		}
		return directory;
	}

}

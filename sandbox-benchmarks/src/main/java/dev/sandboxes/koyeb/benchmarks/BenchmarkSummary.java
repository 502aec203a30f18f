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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.sandboxes.koyeb.benchmarks.startup.StartupVariant;
import dev.sandboxes.koyeb.benchmarks.support.PeakThreadsProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Puts each figure of a run next to its baseline, with their ratio and the target it is
 * held to, as Markdown tables. A ratio is taken within each round, between results measured
 * minutes apart at most; the tables give the median over the rounds, with the lowest and
 * highest in brackets. A time is a round's median (of its samples, or of its forks for cold
 * start-up), a throughput a round's mean; the tables give their median over the rounds.
 * Tables whose benchmarks did not run are left out.
 */
final class BenchmarkSummary {

	private static final String RUNTIME = "runtime";

	private static final double MEBIBYTES_STREAMED = StreamingBenchmark.OUTPUT_BYTES / (1024.0 * 1024.0);

	private final List<Collection<RunResult>> rounds;

	BenchmarkSummary(List<Collection<RunResult>> rounds) {
		this.rounds = rounds;
	}

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		execRoundTrip(lines::add);
		concurrentExecs(lines::add);
		streaming(lines::add);
		timeToInteractive(lines::add);
		emulatorExec(lines::add);
		startup(lines::add);
		return lines;
	}

	private void execRoundTrip(Consumer<String> out) {
		List<String> rows = new ArrayList<>();
		for (String runtime : values("ExecBenchmark.template", RUNTIME)) {
			Rounds ours = median("ExecBenchmark.template", RUNTIME, runtime);
			Rounds jdk = median("ExecBenchmark.rawJdkHttpClient", RUNTIME, runtime);
			Rounds webClient = median("ExecBenchmark.rawWebClient", RUNTIME, runtime);
			rows.add(row(runtime, ours.millis(), jdk.millis(), webClient.millis(),
					ours.dividedBy(jdk).verdict(1.10, false), ours.dividedBy(webClient).verdict(1.10, false)));
		}
		table(out, "Exec round trip of `true`", List.of("runtime", "`SandboxTemplate.exec`", "raw JDK HttpClient",
				"raw WebClient", "ours / JDK (target <= 1.10)", "ours / WebClient (target <= 1.10)"), rows);
	}

	private void concurrentExecs(Consumer<String> out) {
		List<String> rows = new ArrayList<>();
		String inFlight = "inFlight";
		for (String calls : values("ConcurrentExecBenchmark.reactiveTemplate", inFlight)) {
			Rounds ours = of("ConcurrentExecBenchmark.reactiveTemplate", BenchmarkSummary::score, inFlight, calls);
			Rounds raw = of("ConcurrentExecBenchmark.rawWebClient", BenchmarkSummary::score, inFlight, calls);
			rows.add(row(calls, ours.count(), raw.count(), ours.dividedBy(raw).verdict(0.90, true),
					of("ConcurrentExecBenchmark.reactiveTemplate", BenchmarkSummary::peakThreads, inFlight, calls).most()
							+ " / "
							+ of("ConcurrentExecBenchmark.rawWebClient", BenchmarkSummary::peakThreads, inFlight, calls)
								.most()));
		}
		table(out, "Concurrent execs of `true` over 8 sandboxes (plain runtime), execs/s", List.of("in flight",
				"`ReactiveSandboxTemplate`", "raw WebClient", "ours / raw (target >= 0.90)",
				"most live threads, ours / raw"), rows);
	}

	private void streaming(Consumer<String> out) {
		List<String> rows = new ArrayList<>();
		if (ran("StreamingBenchmark.streamedExec")) {
			Rounds ours = median("StreamingBenchmark.streamedExec").map((millis) -> MEBIBYTES_STREAMED * 1000 / millis);
			Rounds raw = median("StreamingBenchmark.rawSse").map((millis) -> MEBIBYTES_STREAMED * 1000 / millis);
			rows.add(row(ours.decimal(), raw.decimal(), ours.dividedBy(raw).verdict(0.80, true)));
		}
		table(out, "Streaming 100 MiB of stdout (plain runtime), MiB/s", List.of("streamed exec", "raw SSE read",
				"ours / raw (target >= 0.80)"), rows);
	}

	private void timeToInteractive(Consumer<String> out) {
		List<String> rows = new ArrayList<>();
		Rounds plainFloor = median("SpawnFloorBenchmark.spawnTrue", RUNTIME, "PLAIN");
		for (String runtime : values("TimeToInteractiveBenchmark.createThenExec", RUNTIME)) {
			Rounds ours = median("TimeToInteractiveBenchmark.createThenExec", RUNTIME, runtime);
			Rounds floor = median("SpawnFloorBenchmark.spawnTrue", RUNTIME, runtime);
			boolean isolated = !runtime.equals("PLAIN");
			rows.add(row(runtime, ours.millis(), floor.millis(),
					isolated ? ours.dividedBy(floor).verdict(3, false) : ours.dividedBy(floor).ratio(),
					ours.dividedBy(plainFloor).ratio()));
		}
		table(out, "Time to interactive: create, then the first `true` done", List.of("runtime", "template",
				"floor: `true` spawned directly, same isolation", "template / floor (target <= 3, isolated runtime)",
				"template / plain process"), rows);
	}

	private void emulatorExec(Consumer<String> out) {
		List<String> rows = new ArrayList<>();
		for (String runtime : values("ExecBenchmark.rawJdkHttpClient", RUNTIME)) {
			Rounds emulator = median("ExecBenchmark.rawJdkHttpClient", RUNTIME, runtime);
			Rounds floor = median("SpawnFloorBenchmark.spawnTrue", RUNTIME, runtime);
			rows.add(row(runtime, emulator.millis(), floor.millis(), emulator.dividedBy(floor).verdict(2, false)));
		}
		table(out, "A command inside the emulator", List.of("runtime", "`/run` of `true` (raw JDK HttpClient)",
				"floor: `true` spawned directly", "emulator / floor (target <= 2)"), rows);
	}

	private void startup(Consumer<String> out) {
		List<String> rows = new ArrayList<>();
		for (String method : List.of("cold", "warm")) {
			String benchmark = "StartupBenchmark." + method;
			if (!ran(benchmark)) {
				continue;
			}
			Rounds without = median(benchmark, "variant", StartupVariant.WITHOUT_STARTER.name());
			Rounds koyeb = median(benchmark, "variant", StartupVariant.STARTER_KOYEB.name());
			Rounds emulator = median(benchmark, "variant", StartupVariant.STARTER_EMULATOR.name());
			rows.add(row(method.equals("cold") ? "cold: a fresh JVM per start" : "warm: starts repeated in one JVM",
					without.millis(), koyeb.millis(), emulator.millis(), koyeb.minus(without).added(50),
					emulator.minus(without).added(300)));
		}
		table(out, "Start-up: `SpringApplication.run`", List.of("JVM", "without the starter",
				"starter, Koyeb endpoint", "starter, embedded emulator", "starter adds (target <= 50 ms)",
				"embedded emulator adds (target <= 300 ms)"), rows);
	}

	/**
	 * The median time of a benchmark in each round, in milliseconds.
	 */
	private Rounds median(String benchmark, String... params) {
		return of(benchmark, BenchmarkSummary::medianMillis, params);
	}

	private Rounds of(String benchmark, Function<RunResult, Optional<Double>> value, String... params) {
		List<Optional<Double>> values = new ArrayList<>();
		for (Collection<RunResult> round : this.rounds) {
			values.add(find(round, benchmark, params).flatMap(value));
		}
		return new Rounds(values);
	}

	private boolean ran(String benchmark) {
		return this.rounds.stream()
			.flatMap(Collection::stream)
			.anyMatch((result) -> result.getParams().getBenchmark().endsWith("." + benchmark));
	}

	private List<String> values(String benchmark, String param) {
		return this.rounds.stream()
			.flatMap(Collection::stream)
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + benchmark))
			.map((result) -> String.valueOf(result.getParams().getParam(param)))
			.distinct()
			.toList();
	}

	private static Optional<RunResult> find(Collection<RunResult> round, String benchmark, String... params) {
		return round.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + benchmark))
			.filter((result) -> {
				for (int i = 0; i < params.length; i += 2) {
					if (!params[i + 1].equals(result.getParams().getParam(params[i]))) {
						return false;
					}
				}
				return true;
			})
			.findFirst();
	}

	private static Optional<Double> medianMillis(RunResult result) {
		Result<?> primary = result.getPrimaryResult();
		double toMillis = switch (primary.getScoreUnit()) {
			case "s/op" -> 1000;
			case "ms/op" -> 1;
			case "us/op" -> 0.001;
			case "ns/op" -> 0.000_001;
			default -> throw new IllegalArgumentException("Not a time per operation: " + primary.getScoreUnit());
		};
		return Optional.of(primary.getStatistics().getPercentile(50) * toMillis);
	}

	private static Optional<Double> score(RunResult result) {
		return Optional.of(result.getPrimaryResult().getScore());
	}

	private static Optional<Double> peakThreads(RunResult result) {
		Result<?> peak = result.getSecondaryResults().get(PeakThreadsProfiler.RESULT);
		return (peak != null) ? Optional.of(peak.getScore()) : Optional.empty();
	}

	private static String row(String... cells) {
		return "| " + String.join(" | ", cells) + " |";
	}

	private static void table(Consumer<String> out, String title, List<String> header, List<String> rows) {
		if (rows.isEmpty()) {
			return;
		}
		out.accept("## " + title);
		out.accept("");
		out.accept(row(header.toArray(String[]::new)));
		out.accept(row(header.stream().map((cell) -> "---").toArray(String[]::new)));
		rows.forEach(out);
		out.accept("");
	}

}

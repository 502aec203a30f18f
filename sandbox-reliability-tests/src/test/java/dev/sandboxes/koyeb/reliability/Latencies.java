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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The durations of operations under load, by operation, summarized as percentiles.
 */
final class Latencies {

	private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();

	/**
	 * Run an operation and record how long it took, whether it succeeded or not.
	 * @param <T> the result type
	 * @param operation the operation's name
	 * @param action the operation
	 * @return its result
	 */
	<T> T time(String operation, Supplier<T> action) {
		long start = System.nanoTime();
		try {
			return action.get();
		}
		finally {
			this.nanos.computeIfAbsent(operation, (name) -> new ConcurrentLinkedQueue<>())
				.add(System.nanoTime() - start);
		}
	}

	/**
	 * Run an operation without result and record how long it took.
	 * @param operation the operation's name
	 * @param action the operation
	 */
	void time(String operation, Runnable action) {
		time(operation, () -> {
			action.run();
			return null;
		});
	}

	/**
	 * How many times an operation ran.
	 * @param operation the operation's name
	 * @return the count
	 */
	int count(String operation) {
		return this.nanos.getOrDefault(operation, new ConcurrentLinkedQueue<>()).size();
	}

	/**
	 * A percentile of an operation's durations, by the nearest-rank method.
	 * @param operation the operation's name
	 * @param percentile from 1 to 100
	 * @return the duration
	 */
	Duration percentile(String operation, int percentile) {
		List<Long> sorted = new ArrayList<>(this.nanos.getOrDefault(operation, new ConcurrentLinkedQueue<>()));
		if (sorted.isEmpty()) {
			return Duration.ZERO;
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return Duration.ofNanos(sorted.get(Math.max(0, rank - 1)));
	}

	/**
	 * One line per operation: count, p50, p99 and maximum, in milliseconds.
	 * @return the summary
	 */
	String summary() {
		return this.nanos.keySet()
			.stream()
			.sorted()
			.map((operation) -> String.format(Locale.ROOT, "%-14s n=%5d  p50=%8.1f ms  p99=%8.1f ms  max=%8.1f ms",
					operation, count(operation), millis(percentile(operation, 50)), millis(percentile(operation, 99)),
					millis(percentile(operation, 100))))
			.collect(Collectors.joining(System.lineSeparator()));
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1_000_000.0;
	}

}

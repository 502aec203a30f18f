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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads how much memory this JVM and the processes it started hold: the heap's live objects
 * after full collections, the JVM's resident set, and the proportional set size of its
 * descendant processes (Linux {@code /proc}).
 */
final class MemoryProbe {

	private static final int COLLECTIONS = 3;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	/**
	 * Collect garbage until the heap settles, then return what it holds.
	 * @return the bytes of the heap in use
	 */
	long liveHeap() {
		for (int i = 0; i < COLLECTIONS; i++) {
			this.memory.gc();
		}
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	/**
	 * The JVM's resident set, heap, metaspace, threads and direct buffers included.
	 * @return the bytes, or 0 where {@code /proc} is not there
	 */
	long residentSetSize() {
		return kilobytesOf(Path.of("/proc/self/status"), "VmRSS:").orElse(0L) * 1024;
	}

	/**
	 * The processes this JVM started, directly or not, and their memory.
	 * @return their count and proportional set size
	 */
	Descendants descendants() {
		List<ProcessHandle> processes = ProcessHandle.current().descendants().toList();
		long bytes = processes.stream()
			.mapToLong((process) -> kilobytesOf(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:")
				.orElse(0L) * 1024)
			.sum();
		return new Descendants(processes.size(), bytes);
	}

	private static Optional<Long> kilobytesOf(Path file, String field) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(field))
				.findFirst()
				.map((line) -> Long.parseLong(line.substring(field.length()).replace("kB", "").strip()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Processes started by this JVM.
	 *
	 * @param count how many run
	 * @param proportionalSetSize their proportional set size in bytes: each one's private
	 * memory plus its share of the memory it shares
	 */
	record Descendants(int count, long proportionalSetSize) {

	}

}

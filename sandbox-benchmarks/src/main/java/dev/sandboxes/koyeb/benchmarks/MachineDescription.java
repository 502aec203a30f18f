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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine the benchmarks ran on, as the summary describes it: {@code uname -a}, processor,
 * cores, memory, JDK, and the load average when they started, when each round started and
 * when they ended, since other work on the machine moves the figures.
 *
 * @param at when it was described
 * @param uname the output of {@code uname -a}
 * @param cpu the processor's model name ({@code /proc/cpuinfo})
 * @param cores the processors available to the JVM
 * @param memory the total memory ({@code MemTotal} of {@code /proc/meminfo})
 * @param jdk the JDK's name and version
 * @param loadAverage the load averages over 1, 5 and 15 minutes
 */
record MachineDescription(Instant at, String uname, String cpu, int cores, String memory, String jdk, String loadAverage) {

	static MachineDescription now() {
		return new MachineDescription(Instant.now().truncatedTo(ChronoUnit.SECONDS), readUname(), readCpu(),
				Runtime.getRuntime().availableProcessors(), readMemory(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				currentLoadAverage());
	}

	/**
	 * The load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}).
	 * @return them, separated by spaces, or empty where they cannot be read
	 */
	static String currentLoadAverage() {
		return firstLine(Path.of("/proc/loadavg")).replaceFirst("^(\\S+ \\S+ \\S+).*", "$1");
	}

	/**
	 * Describe the machine over a run.
	 * @param end the description at the end of the run
	 * @param roundLoads the load average when each round of the JMH benchmarks started
	 * @return Markdown lines
	 */
	List<String> describe(MachineDescription end, List<String> roundLoads) {
		List<String> lines = new ArrayList<>(List.of(
				"# Benchmarks of " + this.at + " to " + end.at + ", " + roundLoads.size() + " rounds", "",
				String.format(Locale.ROOT, "- Machine: %s, %d cores, %s of memory; `%s`", this.cpu, this.cores,
						this.memory, this.uname),
				"- JDK: " + this.jdk,
				"- Load average (1, 5, 15 min): " + this.loadAverage + " at the start, " + end.loadAverage
						+ " at the end"));
		for (int round = 0; round < roundLoads.size(); round++) {
			lines.add("- Load average when round " + (round + 1) + " started: " + roundLoads.get(round));
		}
		lines.add("");
		return lines;
	}

	private static String readCpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown processor");
		}
		catch (IOException ex) {
			return "unknown processor";
		}
	}

	private static String readUname() {
		try {
			Process process = new ProcessBuilder("uname", "-a").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			process.waitFor();
			return output;
		}
		catch (IOException ex) {
			return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
					+ System.getProperty("os.arch");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return System.getProperty("os.name");
		}
	}

	private static String readMemory() {
		String total = firstLine(Path.of("/proc/meminfo"));
		if (!total.startsWith("MemTotal:")) {
			return "unknown";
		}
		long kilobytes = Long.parseLong(total.replaceAll("[^0-9]", ""));
		return String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
	}

	private static String firstLine(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return lines.isEmpty() ? "" : lines.get(0);
		}
		catch (IOException ex) {
			return "";
		}
	}

}

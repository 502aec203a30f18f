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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import reactor.netty.resources.ConnectionProvider;

import dev.sandboxes.koyeb.emulator.runtime.Cgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What this JVM and an emulator hold at one moment: threads by name group, open file
 * descriptors, TCP connections to the emulator, the JVM's child processes, processes and cgroups
 * of sandboxes, sandboxes' stored files, and the services and apps that the emulator runs. A test
 * takes one once warmed up, runs its workload, and then waits, a bounded time, until it is back
 * to no more than that.
 * <p>
 * Threads of the pools that grow with the load and shrink after an idle delay (Reactor's bounded
 * elastic scheduler, the emulator's output readers and process-exit waiters, the JDK's process
 * reapers) may outnumber the baseline, but only when parked idle in their pool: every other group
 * of threads must be back to its count.
 *
 * @param threads the live threads by name group (digits replaced by {@code #})
 * @param busyThreads the threads of each group that are not parked idle in a pool
 * @param openFiles the JVM's open file descriptors
 * @param connections the TCP connections to or from the emulator's port, open or waiting to be
 * closed by this JVM
 * @param childProcesses the JVM's running descendant processes
 * @param sandboxProcesses the host processes in the cgroups of this JVM's sandboxes
 * @param sandboxCgroups the cgroups of this JVM's sandboxes
 * @param storedSandboxes the sandboxes whose files the emulator stores
 * @param liveServices the services (sandboxes) the emulator runs
 * @param liveApps the apps the emulator has that are not deleted
 */
record SteadyState(Map<String, Integer> threads, Map<String, Integer> busyThreads, int openFiles, int connections,
		long childProcesses, int sandboxProcesses, int sandboxCgroups, int storedSandboxes, int liveServices,
		int liveApps) {

	/** Thread groups that grow with the load and shrink, by themselves, after an idle delay. */
	private static final Set<String> ELASTIC = Set.of("boundedElastic-#", "koyeb-emulator-output-#",
			"koyeb-emulator-process-exit", "process reaper", "ForkJoinPool.commonPool-worker-#");

	/** Frames of a thread waiting in its pool for work. */
	private static final List<String> IDLE_FRAMES = List.of("java.util.concurrent.ThreadPoolExecutor.getTask",
			"java.util.concurrent.ForkJoinPool.awaitWork");

	/** TCP states of a connection that holds a socket: established, and closed by the peer only. */
	private static final Set<String> HELD = Set.of("01", "08");

	private static final Duration SETTLING = Duration.ofSeconds(30);

	/**
	 * A connection pool for the clients of a test, whose connections close after a second idle,
	 * so that the steady state has none open.
	 * @param name the pool's name
	 * @param maxConnections the most connections open at once
	 * @return the pool, to dispose of after the test
	 */
	static ConnectionProvider connectionsClosedWhenIdle(String name, int maxConnections) {
		return ConnectionProvider.builder(name)
			.maxConnections(maxConnections)
			.maxIdleTime(Duration.ofSeconds(1))
			.evictInBackground(Duration.ofMillis(500))
			.build();
	}

	/**
	 * Take a snapshot.
	 * @param emulator the emulator
	 * @return what is held now
	 */
	static SteadyState of(RunningEmulator emulator) {
		Map<String, Integer> threads = new TreeMap<>();
		Map<String, Integer> busy = new TreeMap<>();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			String group = thread.getName().replaceAll("\\d+", "#");
			threads.merge(group, 1, Integer::sum);
			if (!isIdle(stack)) {
				busy.merge(group, 1, Integer::sum);
			}
		});
		return new SteadyState(threads, busy, count(Path.of("/proc/self/fd")), connectionsOn(emulator.port()),
				ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(), processesInSandboxCgroups(),
				Cgroups.sandboxGroups().size(), emulator.storedSandboxes().size(), emulator.liveServices().size(),
				emulator.liveApps().size());
	}

	/**
	 * Wait until no sandbox holds anything and no connection is open, then take a snapshot.
	 * @param emulator the emulator
	 * @return the quiet state
	 */
	static SteadyState awaitQuiet(RunningEmulator emulator) {
		List<SteadyState> reached = new ArrayList<>();
		await().atMost(SETTLING).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			SteadyState now = of(emulator);
			reached.add(0, now);
			assertThat(List.of(now.liveServices, now.liveApps, now.storedSandboxes, now.sandboxCgroups,
					now.sandboxProcesses, (int) now.childProcesses, now.connections))
				.as("live services, live apps, stored sandboxes, sandbox cgroups, sandbox processes, child "
						+ "processes, connections")
				.containsOnly(0);
		});
		return reached.get(0);
	}

	/**
	 * Wait until what is held is back to no more than a baseline.
	 * @param baseline the steady state before the workload
	 * @param emulator the emulator
	 * @param openFilesSlack file descriptors that may differ for reasons other than a leak (class
	 * loading opens jars, for one)
	 * @return the state reached
	 */
	static SteadyState awaitBackTo(SteadyState baseline, RunningEmulator emulator, int openFilesSlack) {
		List<SteadyState> reached = new ArrayList<>();
		await().atMost(SETTLING).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			SteadyState now = of(emulator);
			reached.add(0, now);
			now.assertNoMoreThan(baseline, openFilesSlack);
		});
		return reached.get(0);
	}

	private void assertNoMoreThan(SteadyState baseline, int openFilesSlack) {
		assertThat(this.liveServices).as("live services").isLessThanOrEqualTo(baseline.liveServices);
		assertThat(this.liveApps).as("live apps").isLessThanOrEqualTo(baseline.liveApps);
		assertThat(this.storedSandboxes).as("stored sandboxes").isLessThanOrEqualTo(baseline.storedSandboxes);
		assertThat(this.sandboxCgroups).as("sandbox cgroups").isLessThanOrEqualTo(baseline.sandboxCgroups);
		assertThat(this.sandboxProcesses).as("sandbox processes").isLessThanOrEqualTo(baseline.sandboxProcesses);
		assertThat(this.childProcesses).as("child processes").isLessThanOrEqualTo(baseline.childProcesses);
		assertThat(this.connections).as("connections").isLessThanOrEqualTo(baseline.connections);
		assertThat(this.openFiles).as("open files").isLessThanOrEqualTo(baseline.openFiles + openFilesSlack);
		this.threads.forEach((group, count) -> {
			if (ELASTIC.contains(group)) {
				assertThat(this.busyThreads.getOrDefault(group, 0)).as("busy threads " + group)
					.isLessThanOrEqualTo(baseline.busyThreads.getOrDefault(group, 0));
			}
			else {
				assertThat(count).as("threads " + group).isLessThanOrEqualTo(baseline.threads.getOrDefault(group, 0));
			}
		});
	}

	/**
	 * The number of live threads.
	 * @return the count
	 */
	int threadCount() {
		return this.threads.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static boolean isIdle(StackTraceElement[] stack) {
		return Arrays.stream(stack)
			.limit(12)
			.anyMatch((frame) -> IDLE_FRAMES.contains(frame.getClassName() + "." + frame.getMethodName()));
	}

	private static int count(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return (int) entries.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Count the sockets of this network namespace from or to a port that hold a connection.
	 */
	private static int connectionsOn(int port) {
		return (int) TcpSocket.all()
			.stream()
			.filter((socket) -> HELD.contains(socket.state()) && socket.on(port))
			.count();
	}

	/**
	 * Count the host processes in the cgroups of this JVM's sandboxes.
	 */
	private static int processesInSandboxCgroups() {
		String marker = "/koyeb-emulator-" + ProcessHandle.current().pid() + "-";
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			return (int) entries.filter((entry) -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter((entry) -> String.join("\n", lines(entry.resolve("cgroup"))).contains(marker))
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			// a process that ended meanwhile
			return List.of();
		}
	}

	@Override
	public String toString() {
		return "threads " + threadCount() + " " + this.threads + ", open files " + this.openFiles + ", connections "
				+ this.connections + ", child processes " + this.childProcesses + ", sandbox processes "
				+ this.sandboxProcesses + ", sandbox cgroups " + this.sandboxCgroups + ", stored sandboxes "
				+ this.storedSandboxes + ", live services " + this.liveServices + ", live apps " + this.liveApps;
	}

}

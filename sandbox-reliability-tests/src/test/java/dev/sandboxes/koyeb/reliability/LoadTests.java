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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.resources.ConnectionProvider;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application drives {@value #SANDBOXES} sandboxes at once, each running
 * {@value #COMMANDS} commands and writing then reading back 1 MiB: every output must be right,
 * and once they are deleted nothing may be held beyond the steady state measured after a
 * warm-up. The latencies are logged.
 */
@Timeout(600)
class LoadTests {

	private static final Logger logger = LoggerFactory.getLogger(LoadTests.class);

	static final int SANDBOXES = 100;

	static final int COMMANDS = 20;

	private static final int FILE_SIZE = 1024 * 1024;

	private static final int WARM_UP_SANDBOXES = 10;

	/** File descriptors opened meanwhile for reasons other than sandboxes (jars of classes loaded late). */
	private static final int OPEN_FILES_SLACK = 4;

	/** Plain processes by default, to fit the build's time; {@code -Dkoyeb.load.runtime=bubblewrap} on demand. */
	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator
		.withRuntime(RuntimeMode.valueOf(System.getProperty("koyeb.load.runtime", "plain").toUpperCase(Locale.ROOT)));

	private static ConnectionProvider connections;

	private static SandboxTemplate template;

	@BeforeAll
	static void createTemplate() {
		connections = SteadyState.connectionsClosedWhenIdle("load-tests", 2 * SANDBOXES);
		template = emulator.templateBuilder(connections)
			.requestTimeout(Duration.ofSeconds(60))
			.execTimeout(Duration.ofSeconds(60))
			.build();
	}

	@AfterAll
	static void disposeConnections() {
		if (connections != null) {
			connections.dispose();
		}
	}

	@Test
	void everySandboxGetsItsOwnOutputsAndNothingIsLeftBehind() throws Exception {
		assertThat(drive(WARM_UP_SANDBOXES, new Latencies())).isEmpty();
		SteadyState baseline = SteadyState.awaitQuiet(emulator);
		logger.info("Steady state after the warm-up: {}", baseline);

		Latencies latencies = new Latencies();
		long start = System.nanoTime();
		List<String> failures = drive(SANDBOXES, latencies);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		logger.info("{} sandboxes x {} commands + 1 MiB written and read each, in {} s on the {} runtime:{}{}",
				SANDBOXES, COMMANDS, elapsed.toSeconds(), emulator.get().runtimeName(), System.lineSeparator(),
				latencies.summary());

		assertThat(failures).isEmpty();
		assertThat(latencies.count("exec")).isEqualTo(SANDBOXES * COMMANDS);
		assertThat(latencies.count("read 1 MiB")).isEqualTo(SANDBOXES);
		SteadyState after = SteadyState.awaitBackTo(baseline, emulator, OPEN_FILES_SLACK);
		logger.info("Steady state after the load: {}", after);
	}

	/**
	 * Run the workload on several sandboxes at once, each on a thread of its own.
	 * @return a description of every failure or wrong output
	 */
	private static List<String> drive(int sandboxes, Latencies latencies) throws Exception {
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicInteger driver = new AtomicInteger();
		ExecutorService drivers = Executors.newFixedThreadPool(sandboxes,
				(task) -> new Thread(task, "load-driver-" + driver.incrementAndGet()));
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < sandboxes; i++) {
				int index = i;
				runs.add(drivers.submit(() -> {
					try {
						use(index, latencies, failures);
					}
					catch (RuntimeException ex) {
						failures.add("sandbox " + index + ": " + ex);
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			drivers.shutdown();
			assertThat(drivers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}
		return List.copyOf(failures);
	}

	private static void use(int index, Latencies latencies, ConcurrentLinkedQueue<String> failures) {
		Sandbox sandbox = latencies.time("create",
				() -> template.create(SandboxSpec.builder().name("load-" + index).build()));
		try {
			for (int command = 0; command < COMMANDS; command++) {
				String line = "sandbox " + index + " command " + command;
				String error = "error " + command;
				int exitCode = command % 3;
				ExecResult result = latencies.time("exec",
						() -> sandbox.exec("echo '" + line + "'; echo '" + error + "' >&2; exit " + exitCode));
				if (!result.stdout().equals(line + "\n") || !result.stderr().equals(error + "\n")
						|| result.exitCode() != exitCode) {
					failures.add(line + " returned " + result);
				}
			}
			byte[] content = new byte[FILE_SIZE];
			new Random(index).nextBytes(content);
			latencies.time("write 1 MiB", () -> sandbox.files().write("blob.bin", content));
			byte[] read = latencies.time("read 1 MiB", () -> sandbox.files().readBytes("blob.bin"));
			if (!Arrays.equals(read, content)) {
				failures.add("sandbox " + index + " read back " + read.length + " other bytes");
			}
		}
		finally {
			latencies.time("delete", sandbox::delete);
		}
	}

}

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


package dev.sandboxes.koyeb.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a server that stopped making progress was doing: the threads of its JVM; for each of its
 * descendants, its state and the kernel function it waits in (a pipe that nobody reads shows as
 * {@code pipe_write}); and the queues of its TCP connections (bytes the server wrote that the
 * client has not read yet sit in the server's send queue and the client's receive queue). Written
 * for a test that fails on a timeout, so that one hang is enough to tell where it came from.
 */
final class StuckProcessReport {

	private static final long THREAD_DUMP_SECONDS = 30;

	private StuckProcessReport() {
	}

	/**
	 * Describe the threads of the JVM running this code, a client waiting on a stuck process.
	 * @return the report
	 */
	static String ofThisJvm() {
		return "Threads of this JVM:\n" + threads(ProcessHandle.current().pid());
	}

	/**
	 * Describe a running JVM serving on a port, and its descendants.
	 * @param jvm the process, a JVM
	 * @param port the port it listens on
	 * @return the report
	 */
	static String of(Process jvm, int port) {
		String descendants = jvm.descendants()
			.map((process) -> state(process.pid()) + " waiting in " + proc(process.pid(), "wchan").strip())
			.collect(Collectors.joining("\n"));
		String hexPort = String.format(":%04X ", port);
		String connections = (proc(jvm.pid(), "net/tcp") + proc(jvm.pid(), "net/tcp6")).lines()
			.filter((line) -> line.contains(hexPort))
			.collect(Collectors.joining("\n"));
		return "Descendants (pid, name, state, wait channel):\n" + descendants
				+ "\n\nTCP connections of port " + port
				+ " (/proc/net/tcp: local, remote, state, send queue:receive queue in hex):\n" + connections
				+ "\n\nThreads:\n" + threads(jvm.pid());
	}

	private static String threads(long pid) {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		try {
			Path output = Files.createTempFile("thread-dump-", ".txt");
			try {
				Process dump = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				boolean ended = dump.waitFor(THREAD_DUMP_SECONDS, TimeUnit.SECONDS);
				if (!ended) {
					dump.destroyForcibly();
				}
				return Files.readString(output) + (ended ? "" : "\n(jcmd did not end)");
			}
			finally {
				Files.delete(output);
			}
		}
		catch (IOException ex) {
			return "(no thread dump: " + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(no thread dump: interrupted)";
		}
	}

	/**
	 * The pid, name and state at the start of {@code /proc/<pid>/stat}.
	 */
	private static String state(long pid) {
		String stat = proc(pid, "stat");
		int afterName = stat.lastIndexOf(')');
		return (afterName < 0) ? pid + " " + stat : stat.substring(0, Math.min(stat.length(), afterName + 3));
	}

	private static String proc(long pid, String file) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), file));
		}
		catch (IOException ex) {
			return "(gone)";
		}
	}

}

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

package dev.sandboxes.koyeb.emulator.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the commands of a bubblewrap sandbox share its processes (and its loopback interface
 * when the network is cut) as the processes of one container do, while what they leave running
 * ends with the sandbox.
 */
@Timeout(60)
class SharedNamespaceTests {

	private static final RuntimeMode BUBBLEWRAP = RuntimeMode.BUBBLEWRAP;

	/** Prints {@code <pid> <arguments>} for every process the command sees. */
	private static final String PROCESSES = "for p in /proc/[0-9]*; do "
			+ "echo \"${p#/proc/} $(tr '\\0' ' ' < $p/cmdline)\"; done 2> /dev/null";

	@TempDir
	static Path directory;

	static RuntimeFixture fixture;

	static RuntimeFixture offline;

	private final String marker = "300.0" + System.nanoTime();

	@BeforeAll
	static void createRuntimes() {
		Bubblewrap.assumeAvailable();
		fixture = new RuntimeFixture(directory.resolve("online"), true);
		offline = new RuntimeFixture(directory.resolve("offline"), false);
	}

	@AfterEach
	void destroySandboxes() {
		fixture.destroyProvisioned();
		offline.destroyProvisioned();
	}

	@AfterAll
	static void closeRuntimes() {
		if (fixture != null) {
			fixture.close();
			offline.close();
		}
	}

	@Test
	void backgroundProcessOutlivesItsCommandUntilTheSandboxIsDestroyed() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		Commands.Result started = Commands.run(sandbox, "nohup sleep " + this.marker + " > /dev/null 2>&1 & echo $!");
		assertThat(started.exitCode()).isZero();
		assertThat(Commands.run(sandbox, PROCESSES).stdout())
			.contains(started.stdout().strip() + " sleep " + this.marker + " \n");
		assertThat(HostProcesses.running("sleep", this.marker)).hasSize(1);
		sandbox.destroy();
		assertThat(HostProcesses.runningWith(this.marker)).isEmpty();
		assertThat(HostProcesses.runningWith(sandbox.id())).isEmpty();
	}

	@Test
	void commandsSeeAndSignalTheBackgroundProcessesOfTheirSandbox() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		BackgroundProcess process = sandbox.processes()
			.start(new CommandRequest("sleep " + this.marker, null, Map.of()));
		String pid = await().atMost(10, TimeUnit.SECONDS)
			.until(() -> pidOf(Commands.run(sandbox, PROCESSES).stdout(), "sleep " + this.marker),
					(found) -> !found.isEmpty());
		assertThat(Commands.run(fixture.provision(BUBBLEWRAP), PROCESSES).stdout()).doesNotContain(this.marker);
		assertThat(Commands.run(sandbox, "kill " + pid).exitCode()).isZero();
		await().atMost(10, TimeUnit.SECONDS).until(() -> process.status() == ProcessStatus.FAILED);
		assertThat(process.exitCode()).isEqualTo(143);
	}

	@Test
	void killingACommandSparesWhatItLeftInTheBackgroundButResettingEndsIt() throws Exception {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		String child = "301.0" + System.nanoTime();
		CommandExecution execution = sandbox.launch(new CommandRequest(
				"(sleep " + this.marker + " > /dev/null 2>&1 &); sleep " + child + "; true", null, Map.of()));
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> !HostProcesses.running("sleep", this.marker).isEmpty()
					&& !HostProcesses.running("sleep", child).isEmpty());
		execution.kill();
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(137);
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(child).isEmpty());
		// As on Koyeb: the orphan was adopted by the sandbox's init, it is no longer the command's.
		assertThat(HostProcesses.running("sleep", this.marker)).hasSize(1);
		sandbox.reset();
		assertThat(HostProcesses.runningWith(this.marker)).isEmpty();
		assertThat(Commands.run(sandbox, PROCESSES).stdout()).doesNotContain(this.marker);
	}

	@Test
	void sandboxStartsItsInitWhenCreatedAndItsFirstCommandJoinsIt() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		List<Long> init = await().atMost(10, TimeUnit.SECONDS)
			.until(() -> HostProcesses.runningWith(sandbox.id()), (running) -> running.size() == 2);
		assertThat(Commands.run(sandbox, "hostname").stdout()).isEqualTo("sandbox\n");
		assertThat(HostProcesses.runningWith(sandbox.id())).as("the outer and inner bwrap of the same init")
			.containsExactlyInAnyOrderElementsOf(init);
		sandbox.destroy();
		assertThat(HostProcesses.runningWith(sandbox.id())).isEmpty();
	}

	@Test
	void sandboxWhoseInitWasKilledStartsANewOne() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(sandbox, "hostname").stdout()).isEqualTo("sandbox\n");
		List<Long> init = HostProcesses.runningWith(sandbox.id());
		assertThat(init).as("the outer and inner bwrap of the init").hasSize(2);
		init.forEach((pid) -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(sandbox.id()).isEmpty());
		assertThat(Commands.run(sandbox, "hostname")).isEqualTo(new Commands.Result("sandbox\n", "", 0));
	}

	@Test
	void signallingEveryProcessOfTheSandboxSparesItsInit() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(sandbox, "kill -TERM -1").exitCode()).isZero();
		List<Long> init = HostProcesses.runningWith(sandbox.id());
		assertThat(init).hasSize(2);
		await().during(500, TimeUnit.MILLISECONDS)
			.atMost(2, TimeUnit.SECONDS)
			.until(() -> HostProcesses.runningWith(sandbox.id()).equals(init));
	}

	@Test
	void commandsOfASandboxWithoutNetworkShareItsLoopbackInterface() throws IOException {
		Bubblewrap.assumeCommand("python3");
		RuntimeSandbox sandbox = offline.provision(BUBBLEWRAP);
		RuntimeSandbox neighbour = offline.provision(BUBBLEWRAP);
		int port = freePort();
		assertThat(Commands.run(sandbox, "python3 -m http.server " + port + " --bind 127.0.0.1 > /dev/null 2>&1 &")
			.exitCode()).isZero();
		String fetch = "python3 -c 'import urllib.request; "
				+ "print(urllib.request.urlopen(\"http://127.0.0.1:" + port + "/\").status)'";
		await().atMost(10, TimeUnit.SECONDS).until(() -> Commands.run(sandbox, fetch).stdout().equals("200\n"));
		Commands.Result fromNeighbour = Commands.run(neighbour, fetch);
		assertThat(fromNeighbour.exitCode()).isNotZero();
		assertThat(fromNeighbour.stderr()).contains("Connection refused");
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
	}

	private static String pidOf(String processes, String arguments) {
		return Arrays.stream(processes.split("\n", -1))
			.filter((line) -> line.substring(line.indexOf(' ') + 1).equals(arguments + " "))
			.map((line) -> line.substring(0, line.indexOf(' ')))
			.findFirst()
			.orElse("");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

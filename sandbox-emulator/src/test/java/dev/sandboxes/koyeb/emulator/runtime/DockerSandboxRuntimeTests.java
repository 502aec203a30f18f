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

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the docker runtime ({@link DockerSandboxRuntime}): commands, background processes,
 * files, resources, lifecycle and leftovers, on real containers of the test images.
 */
@Timeout(120)
class DockerSandboxRuntimeTests {

	@RegisterExtension
	static final DockerRuntimeFixture fixture = new DockerRuntimeFixture();

	@Test
	void outputStreamsWhileTheCommandRuns() throws Exception {
		RuntimeSandbox sandbox = fixture.provision();
		CommandExecution execution = sandbox
			.launch(new CommandRequest("echo first; echo oops 1>&2; sleep 2; echo second; exit 3", null, Map.of()));
		assertThat(execution.pid()).isGreaterThan(1);
		CompletableFuture<String> stderr = Commands.readInBackground(execution.stderr());
		try (BufferedReader stdout = new BufferedReader(
				new InputStreamReader(execution.stdout(), StandardCharsets.UTF_8))) {
			assertThat(stdout.readLine()).isEqualTo("first");
			assertThat(execution.exitCode()).isNotDone();
			assertThat(stdout.readLine()).isEqualTo("second");
			assertThat(stdout.readLine()).isNull();
		}
		assertThat(stderr.get(10, TimeUnit.SECONDS)).isEqualTo("oops\n");
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(3);
	}

	@Test
	void largeOutputArrivesByteForByteInOrder() {
		RuntimeSandbox sandbox = fixture.provision();
		StringBuilder expected = new StringBuilder();
		for (int i = 1; i <= 400_000; i++) {
			expected.append(i).append('\n');
		}
		assertThat(Commands.run(sandbox, "seq 1 400000").stdout()).isEqualTo(expected.toString());
	}

	@Test
	void exitCodesAreTheShells() {
		RuntimeSandbox sandbox = fixture.provision();
		Commands.Result unknown = Commands.run(sandbox, "no-such-command-xyz");
		assertThat(unknown.exitCode()).isEqualTo(127);
		assertThat(unknown.stderr()).contains("no-such-command-xyz: not found");
		assertThat(Commands.run(sandbox, "kill -TERM $$").exitCode()).isEqualTo(143);
		assertThat(Commands.run(sandbox, "exit 255").exitCode()).isEqualTo(255);
	}

	@Test
	void workingDirectoryAndEnvironmentAreTheRequests() {
		RuntimeSandbox sandbox = fixture.provision();
		assertThat(Commands.run(sandbox, "pwd; printf '%s %s' \"$HOME\" \"$SANDBOX_SECRET\""))
			.isEqualTo(new Commands.Result("/root\n/root secret-" + sandbox.id(), "", 0));
		assertThat(Commands.run(sandbox, "pwd; echo $GREETING", "/tmp", Map.of("GREETING", "hi")).stdout())
			.isEqualTo("/tmp\nhi\n");
		sandbox.files().makeDirectories("/root/project");
		assertThat(Commands.run(sandbox, "pwd", "project", Map.of()).stdout()).isEqualTo("/root/project\n");
		assertThat(Commands.run(sandbox, "printf %s \"$SANDBOX_SECRET\"", null, Map.of("SANDBOX_SECRET", "mine"))
			.stdout()).isEqualTo("mine");
		assertThat(Commands.run(sandbox, "ls /proc/$$/fd; cat; echo done").stdout()).isEqualTo("0\n1\n2\ndone\n");
	}

	@Test
	void missingWorkingDirectoryIsRefused() {
		RuntimeSandbox sandbox = fixture.provision();
		sandbox.files().write("/tmp/file", "x");
		for (String cwd : List.of("/no/such/dir", "/tmp/missing", "/tmp/file", "/tmp/../etc/x\0")) {
			assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
				.isThrownBy(() -> sandbox.launch(new CommandRequest("pwd", cwd, Map.of())))
				.withMessage("Invalid working directory: " + cwd);
		}
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.processes().start(new CommandRequest("true", "/no/such", Map.of())));
		assertThat(sandbox.processes().list()).isEmpty();
		assertThatExceptionOfType(CommandStartException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("true", null, Map.of("A=B", "x"))));
	}

	@Test
	void killEndsTheCommandAndItsWholeTree() throws Exception {
		RuntimeSandbox sandbox = fixture.provision();
		CommandExecution execution = sandbox.launch(new CommandRequest("sleep 300 & sleep 301", null, Map.of()));
		await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(sandbox).size() == 2);
		execution.kill();
		execution.kill();
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(137);
		await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(sandbox).isEmpty());
		assertThat(Commands.run(sandbox, "echo still works").stdout()).isEqualTo("still works\n");
	}

	@Test
	void killSparesWhatLeftTheTreeAndResetEndsIt() throws Exception {
		RuntimeSandbox sandbox = fixture.provision();
		Commands.run(sandbox, "sh -c 'sleep 300 > /dev/null 2>&1 &'");
		CommandExecution execution = sandbox.launch(new CommandRequest("sleep 301", null, Map.of()));
		await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(sandbox).size() == 2);
		execution.kill();
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(137);
		await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(sandbox).equals(List.of("sleep 300")));
		sandbox.reset();
		assertThat(sleeping(sandbox)).isEmpty();
	}

	@Test
	void backgroundProcessesKeepTheirLogs() {
		RuntimeSandbox sandbox = fixture.provision();
		BackgroundProcess ticks = sandbox.processes()
			.start(new CommandRequest("for i in 1 2 3; do echo tick $i; echo warn $i 1>&2; sleep 0.2; done", null,
					Map.of()));
		BackgroundProcess server = sandbox.processes()
			.start(new CommandRequest("echo serving; sleep 300 & sleep 302", "/workspace", Map.of()));
		assertThat(ticks.pid()).isGreaterThan(1);
		await().atMost(10, TimeUnit.SECONDS).until(() -> ticks.status() == ProcessStatus.COMPLETED);
		assertThat(ticks.exitCode()).isZero();
		await().atMost(5, TimeUnit.SECONDS).until(() -> ticks.backlog().size() == 6);
		assertThat(ticks.backlog()).extracting(LogEntry::stream, LogEntry::data)
			.containsExactly(tuple("stdout", "tick 1"), tuple("stdout", "tick 2"), tuple("stdout", "tick 3"),
					tuple("stderr", "warn 1"), tuple("stderr", "warn 2"), tuple("stderr", "warn 3"));
		await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(sandbox).size() == 2);
		assertThat(server.status()).isEqualTo(ProcessStatus.RUNNING);
		assertThat(server.kill()).isTrue();
		assertThat(server.status()).isEqualTo(ProcessStatus.KILLED);
		await().atMost(10, TimeUnit.SECONDS).until(() -> sleeping(sandbox).isEmpty());
		assertThat(server.logs().collectList().block(Duration.ofSeconds(10))).extracting(LogEntry::data)
			.containsExactly("serving");
		assertThat(sandbox.processes().list()).containsExactly(ticks, server);
	}

	@Test
	void filesRoundTripByteForByte() {
		RuntimeSandbox sandbox = fixture.provision();
		StringBuilder builder = new StringBuilder();
		for (char c = 0; c < 128; c++) {
			builder.append(c);
		}
		for (char c = 0x80; c < 0xC0; c++) {
			builder.append(c);
		}
		String content = builder.toString();
		assertThat(content.getBytes(StandardCharsets.UTF_8)).hasSize(256);
		sandbox.files().write("/workspace/bytes.bin", content);
		assertThat(sandbox.files().read("/workspace/bytes.bin")).isEqualTo(content);
		assertThat(Commands.run(sandbox, "wc -c < bytes.bin; od -An -tx1 bytes.bin | head -1", "/workspace", Map.of())
			.stdout()).isEqualTo("256\n 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n");
		sandbox.files().write("relative.txt", "ünïcødé ✓ 🚀");
		assertThat(sandbox.files().read("/root/relative.txt")).isEqualTo("ünïcødé ✓ 🚀");
		Commands.run(sandbox, "printf 'a\\377b' > /tmp/binary");
		assertThat(sandbox.files().read("/tmp/binary")).isEqualTo("a\uFFFDb");
		assertThat(sandbox.files().list("/workspace")).containsExactly("bytes.bin");
		assertThat(sandbox.files().list("/")).contains("bin", "etc", "root", "tmp", "workspace")
			.noneMatch((name) -> name.startsWith(".koyeb-emulator"));
		assertThat(sandbox.files().read("/etc/passwd")).startsWith("root:x:0:0:");
	}

	@Test
	void pathsAreNeverReadByAShell() {
		RuntimeSandbox sandbox = fixture.provision();
		// File operations run in /, where an injected command would leave its mark.
		String directory = "/workspace/$(touch injected)`touch injected` -rf *";
		sandbox.files().makeDirectories(directory + "/\"'$HOME");
		sandbox.files().write(directory + "/;touch \\injected;", "x");
		assertThat(sandbox.files().read(directory + "/;touch \\injected;")).isEqualTo("x");
		assertThat(sandbox.files().list(directory)).containsExactly("\"'$HOME", ";touch \\injected;");
		sandbox.files().delete(directory + "/\"'$HOME");
		sandbox.files().deleteRecursively(directory);
		assertThat(sandbox.files().list("/workspace")).isEmpty();
		assertThat(sandbox.files().list("/")).doesNotContain("injected");
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("true", "/tmp/$(touch injected)", Map.of())));
		assertThat(Commands.run(sandbox, "ls /; ls /tmp").stdout()).doesNotContain("injected");
	}

	@Test
	void writtenFilesGetMode0644AndKeepTheirOwn() {
		RuntimeSandbox sandbox = fixture.provision();
		sandbox.files().write("/workspace/script.sh", "echo one");
		assertThat(Commands.run(sandbox, "stat -c %a script.sh", "/workspace", Map.of()).stdout()).isEqualTo("644\n");
		Commands.run(sandbox, "chmod 755 /workspace/script.sh");
		sandbox.files().write("/workspace/script.sh", "echo two");
		assertThat(Commands.run(sandbox, "stat -c %a script.sh; ./script.sh", "/workspace", Map.of()).stdout())
			.isEqualTo("755\ntwo\n");
		sandbox.files().makeDirectories("/workspace/a/b");
		assertThat(Commands.run(sandbox, "stat -c %a a a/b", "/workspace", Map.of()).stdout()).isEqualTo("755\n755\n");
	}

	@Test
	void fileErrorsAreTheExecutors() {
		SandboxFileSystem files = fixture.provision().files();
		SandboxFileSystemTests.assertFails(() -> files.write("/workspace/missing/f.txt", "x"),
				"open /workspace/missing/f.txt: no such file or directory");
		SandboxFileSystemTests.assertFails(() -> files.read("/tmp"), "read /tmp: is a directory");
		SandboxFileSystemTests.assertFails(() -> files.read("/"), "read /: is a directory");
		SandboxFileSystemTests.assertFails(() -> files.read("/dev/null"), "open /dev/null: not a regular file");
		SandboxFileSystemTests.assertFails(() -> files.list("/etc/passwd"), "readdirent /etc/passwd: not a directory");
		SandboxFileSystemTests.assertFails(() -> files.delete("/etc"), "remove /etc: directory not empty");
		SandboxFileSystemTests.assertFails(() -> files.delete("/"), "remove /: device or resource busy");
		SandboxFileSystemTests.assertFails(() -> files.deleteRecursively("/"), "unlinkat /: device or resource busy");
		SandboxFileSystemTests.assertFails(() -> files.makeDirectories("/etc/passwd/x"),
				"mkdir /etc/passwd: not a directory");
	}

	@Test
	void readRefusesFilesOver64Mebibytes() {
		RuntimeSandbox sandbox = fixture.provision();
		Commands.run(sandbox, "truncate -s 67108865 /tmp/huge; truncate -s 67108864 /tmp/limit");
		SandboxFileSystemTests.assertFails(() -> sandbox.files().read("/tmp/huge"),
				"read /tmp/huge: file too large for read_file (67108865 bytes, at most 67108864)");
		assertThat(sandbox.files().read("/tmp/limit")).hasSize(64 * 1024 * 1024);
	}

	@Test
	void memoryIsLimitedToTheInstanceTypes() {
		RuntimeSandbox sandbox = fixture.provision(Docker.PYTHON, "nano", true);
		Commands.Result tooMuch = Commands.run(sandbox, "python3 -c 'b = bytearray(400 * 1024 * 1024)'");
		assertThat(tooMuch.exitCode()).isEqualTo(137);
		assertThat(Commands.run(sandbox, "python3 -c 'b = bytearray(100 * 1024 * 1024); print(len(b))'"))
			.isEqualTo(new Commands.Result("104857600\n", "", 0));
	}

	@Test
	void processesAreBounded() {
		RuntimeSandbox sandbox = fixture.provision();
		Commands.Result result = Commands.run(sandbox,
				"i=0; while [ $i -lt 1000 ]; do sleep 3 & i=$((i + 1)); done; echo all started");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stdout()).isEmpty();
		assertThat(result.stderr()).contains("can't fork");
		await().atMost(30, TimeUnit.SECONDS)
			.ignoreExceptions()
			.until(() -> Commands.run(sandbox, "echo works").stdout().equals("works\n"));
		assertThat(Commands.run(fixture.provision(), "echo others work").stdout()).isEqualTo("others work\n");
	}

	@Test
	void containersAreLabelledAndLimited() {
		DockerSandbox sandbox = (DockerSandbox) fixture.provision(Docker.BUSYBOX, "nano", true);
		InspectContainerResponse inspected = client().inspectContainerCmd(sandbox.container().id()).exec();
		DockerSandboxRuntime runtime = fixture.runtime(true);
		assertThat(inspected.getConfig().getLabels()).containsEntry(DockerSandboxRuntime.LABEL, "true")
			.containsEntry(DockerSandboxRuntime.INSTANCE_LABEL, runtime.instance())
			.containsEntry(DockerSandboxRuntime.PID_LABEL, Long.toString(ProcessHandle.current().pid()))
			.containsEntry(DockerSandboxRuntime.SANDBOX_LABEL, sandbox.id())
			.containsEntry(DockerSandboxRuntime.HOST_LABEL, DockerSandboxRuntime.HOST);
		HostConfig host = inspected.getHostConfig();
		assertThat(host.getMemory()).isEqualTo(256L * 1024 * 1024);
		assertThat(host.getMemorySwap()).isEqualTo(256L * 1024 * 1024);
		assertThat(host.getNanoCPUs()).isEqualTo(250_000_000L);
		assertThat(host.getPidsLimit()).isEqualTo(DockerSandboxRuntime.PIDS_LIMIT);
		assertThat(host.getNetworkMode()).isEqualTo("bridge");
		assertThat(host.getPrivileged()).isNotEqualTo(true);
		assertThat(host.getCapAdd()).isNullOrEmpty();
		assertThat(inspected.getState().getRunning()).isTrue();
		assertThat(sandbox.files().list("/")).contains("root", "workspace");
	}

	@Test
	void resetGivesAFreshContainer() throws Exception {
		DockerSandbox sandbox = (DockerSandbox) fixture.provision();
		String before = sandbox.container().id();
		sandbox.files().write("/workspace/a.txt", "a");
		BackgroundProcess process = sandbox.processes().start(new CommandRequest("sleep 300", null, Map.of()));
		CommandExecution command = sandbox.launch(new CommandRequest("sleep 301", null, Map.of()));
		sandbox.portBinding().bind(8080);
		sandbox.reset();
		assertThat(sandbox.container().id()).isNotEqualTo(before);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client().inspectContainerCmd(before).exec());
		assertThat(process.status()).isEqualTo(ProcessStatus.KILLED);
		assertThat(command.exitCode()).isCompletedWithValue(137);
		assertThat(sandbox.processes().list()).isEmpty();
		assertThat(sandbox.portBinding().bound()).isEmpty();
		assertThat(sandbox.files().list("/workspace")).isEmpty();
		assertThat(sleeping(sandbox)).isEmpty();
		assertThat(Commands.run(sandbox, "printf %s \"$SANDBOX_SECRET\"").stdout()).isEqualTo("secret-" + sandbox.id());
		assertThat(client().inspectContainerCmd(sandbox.container().id()).exec().getConfig().getLabels())
			.containsEntry(DockerSandboxRuntime.SANDBOX_LABEL, sandbox.id());
	}

	@Test
	void destroyRemovesTheContainer() {
		DockerSandbox sandbox = (DockerSandbox) fixture.provision();
		String id = sandbox.container().id();
		CommandExecution command = sandbox.launch(new CommandRequest("sleep 300", null, Map.of()));
		sandbox.destroy();
		sandbox.destroy();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client().inspectContainerCmd(id).exec());
		assertThat(command.exitCode()).isCompletedWithValue(137);
		assertThatExceptionOfType(CommandStartException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("true", null, Map.of())));
		fixture.runtime(true)
			.provision(new SandboxDefinition(sandbox.id(), Docker.BUSYBOX, "micro", Map.of()))
			.destroy();
	}

	@Test
	void sandboxIdsAreValidatedAndUnique() {
		DockerSandboxRuntime runtime = fixture.runtime(true);
		for (String id : List.of("", "../escape", "a/b", "dot.dot", "x".repeat(65), "sp ace")) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> runtime.provision(new SandboxDefinition(id, Docker.BUSYBOX, "micro", Map.of())));
		}
		RuntimeSandbox sandbox = fixture.provision();
		assertThatExceptionOfType(RuntimeProvisioningException.class)
			.isThrownBy(() -> runtime
				.provision(new SandboxDefinition(sandbox.id(), Docker.BUSYBOX, "micro", Map.of())));
	}

	@Test
	void unavailableImageIsRefusedClearly() {
		// A registry of the reserved .invalid domain: the pull fails at once, without asking any registry.
		String image = "koyeb-emulator-test.invalid/missing:" + UUID.randomUUID();
		assertThatExceptionOfType(RuntimeProvisioningException.class)
			.isThrownBy(() -> fixture.runtime(true)
				.provision(new SandboxDefinition("sb-missing", image, "micro", Map.of())))
			.withMessageStartingWith("Image " + image + " is not available to Docker: ");
		fixture.runtime(true)
			.provision(new SandboxDefinition("sb-missing", Docker.BUSYBOX, "micro", Map.of()))
			.destroy();
	}

	@Test
	void containersWithoutNetworkOnlyHaveTheLoopbackInterfaceAndNoReachablePorts() throws Exception {
		RuntimeSandbox isolated = fixture.provision(Docker.BUSYBOX, "micro", false);
		assertThat(Commands.run(isolated, "ls /sys/class/net").stdout()).isEqualTo("lo\n");
		RuntimeSandbox networked = fixture.provision();
		assertThat(Commands.run(networked, "ls /sys/class/net").stdout()).contains("eth0");
		networked.files().makeDirectories("/root/www");
		networked.files().write("/root/www/index.html", "served");
		networked.processes().start(new CommandRequest("httpd -f -p 8080 -h /root/www", null, Map.of()));
		String url = "http://" + networked.portHost().orElseThrow() + ":8080/index.html";
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		await().atMost(10, TimeUnit.SECONDS)
			.ignoreExceptions()
			.until(() -> http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString()).body().equals("served"));
		Commands.Result fromIsolated = Commands.run(isolated, "wget -q -T 2 -O - " + url);
		assertThat(fromIsolated.exitCode()).isNotZero();
		assertThat(fromIsolated.stdout()).isEmpty();
		assertThat(isolated.portHost()).isEmpty();
	}

	@Test
	void largeOutputStreamsThrough() throws Exception {
		RuntimeSandbox sandbox = fixture.provision();
		long size = 100L * 1000 * 1000;
		CommandExecution execution = sandbox
			.launch(new CommandRequest("head -c " + size + " /dev/zero", null, Map.of()));
		assertThat(Commands.countBytes(execution.stdout())).isEqualTo(size);
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void readingOneStreamToItsEndDoesNotBlockOnTheOther() throws Exception {
		RuntimeSandbox sandbox = fixture.provision();
		CommandExecution execution = sandbox.launch(new CommandRequest(
				"head -c 300000 /dev/zero; head -c 300000 /dev/zero 1>&2; echo end 1>&2", null, Map.of()));
		byte[] stderr;
		try (InputStream input = execution.stderr()) {
			stderr = input.readAllBytes();
		}
		assertThat(stderr).hasSize(300004);
		try (InputStream input = execution.stdout()) {
			assertThat(input.readAllBytes()).hasSize(300000);
		}
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void closingTheRuntimeRemovesEveryContainer() {
		DockerSandboxRuntime runtime = new DockerSandboxRuntime(Docker.engine(), true);
		try {
			for (int i = 0; i < 3; i++) {
				RuntimeSandbox sandbox = runtime.provision(
						new SandboxDefinition("sb-" + UUID.randomUUID(), Docker.BUSYBOX, "micro", Map.of()));
				sandbox.processes().start(new CommandRequest("sleep 300", null, Map.of()));
			}
			assertThat(containers(Map.of(DockerSandboxRuntime.INSTANCE_LABEL, runtime.instance()))).hasSize(3);
		}
		finally {
			runtime.close();
		}
		assertThat(containers(Map.of(DockerSandboxRuntime.INSTANCE_LABEL, runtime.instance()))).isEmpty();
		assertThatExceptionOfType(RuntimeProvisioningException.class).isThrownBy(
				() -> runtime.provision(new SandboxDefinition("late", Docker.BUSYBOX, "micro", Map.of())));
	}

	@Test
	void containersLeftByDeadEmulatorsAreRemovedWhenARuntimeStarts() throws Exception {
		Process exited = new ProcessBuilder("true").start();
		exited.waitFor();
		String dead = Long.toString(exited.pid());
		String live = Long.toString(ProcessHandle.current().pid());
		String marker = UUID.randomUUID().toString();
		try {
			String deadHere = createLabelled(marker, dead, DockerSandboxRuntime.HOST);
			String deadWithoutHost = createLabelled(marker, dead, null);
			String liveHere = createLabelled(marker, live, DockerSandboxRuntime.HOST);
			String deadElsewhere = createLabelled(marker, dead, "another-machine-" + marker);
			new DockerSandboxRuntime(Docker.engine(), true).close();
			assertThat(containers(Map.of(DockerSandboxRuntime.INSTANCE_LABEL, marker))).extracting(Container::getId)
				.containsExactlyInAnyOrder(liveHere, deadElsewhere)
				.doesNotContain(deadHere, deadWithoutHost);
		}
		finally {
			for (Container container : containers(Map.of(DockerSandboxRuntime.INSTANCE_LABEL, marker))) {
				client().removeContainerCmd(container.getId()).withForce(true).exec();
			}
		}
	}

	private static String createLabelled(String instance, String pid, String host) {
		Map<String, String> labels = new HashMap<>(Map.of(DockerSandboxRuntime.LABEL, "true",
				DockerSandboxRuntime.INSTANCE_LABEL, instance, DockerSandboxRuntime.PID_LABEL, pid,
				DockerSandboxRuntime.SANDBOX_LABEL, "leftover"));
		if (host != null) {
			labels.put(DockerSandboxRuntime.HOST_LABEL, host);
		}
		return client().createContainerCmd(Docker.BUSYBOX).withEntrypoint("sleep", "300").withLabels(labels).exec()
			.getId();
	}

	private static List<Container> containers(Map<String, String> labels) {
		return client().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
	}

	/**
	 * The command lines of the sandbox's running {@code sleep}s.
	 */
	static List<String> sleeping(RuntimeSandbox sandbox) {
		String processes = Commands.run(sandbox, "ps -o stat,args").stdout();
		List<String> sleeping = new ArrayList<>();
		for (String line : processes.split("\n", -1)) {
			String stripped = line.strip();
			int space = stripped.indexOf(' ');
			String arguments = (space < 0) ? "" : stripped.substring(space).strip();
			if (!stripped.startsWith("Z") && arguments.startsWith("sleep 30")) {
				sleeping.add(arguments);
			}
		}
		return sleeping;
	}

	private static DockerClient client() {
		return Docker.engine().client();
	}

}

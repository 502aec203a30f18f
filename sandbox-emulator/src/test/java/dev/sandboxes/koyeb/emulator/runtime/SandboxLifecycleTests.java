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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for resetting and destroying sandboxes and closing runtimes, on both runtimes: nothing of
 * a sandbox (process or file) survives it.
 */
@Timeout(60)
class SandboxLifecycleTests {

	@TempDir
	Path directory;

	@BothRuntimes
	void resetEmptiesTheStorageKillsProcessesAndUnbindsThePort(RuntimeMode mode) {
		try (RuntimeFixture fixture = new RuntimeFixture(this.directory, true)) {
			RuntimeSandbox sandbox = fixture.provision(mode);
			String marker = marker();
			BackgroundProcess process = start(sandbox, "sleep " + marker + " & sleep " + marker);
			CommandExecution command = sandbox.launch(new CommandRequest("sleep " + marker, null, Map.of()));
			sandbox.files().makeDirectories("/workspace/project/src");
			sandbox.files().write("/tmp/a.txt", "a");
			sandbox.files().write("/root/.profile", "b");
			sandbox.portBinding().bind(8080);
			await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.running("sleep", marker).size() >= 3);
			sandbox.reset();
			assertThat(HostProcesses.runningWith(marker)).isEmpty();
			assertThat(process.status()).isEqualTo(ProcessStatus.KILLED);
			assertThat(command.exitCode()).isCompleted();
			assertThat(sandbox.processes().list()).isEmpty();
			assertThat(sandbox.portBinding().bound()).isEmpty();
			for (String writable : SandboxStorage.SANDBOX_DIRECTORIES) {
				assertThat(sandbox.files().list(writable)).as(writable).isEmpty();
			}
			assertThat(Commands.run(sandbox, "echo still works").stdout()).isEqualTo("still works\n");
		}
	}

	@BothRuntimes
	void destroyKillsProcessesAndRemovesTheStorage(RuntimeMode mode) {
		try (RuntimeFixture fixture = new RuntimeFixture(this.directory, true)) {
			RuntimeSandbox sandbox = fixture.provision(mode);
			String marker = marker();
			start(sandbox, "sleep " + marker + " & sleep " + marker);
			await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(marker).size() >= 2);
			sandbox.destroy();
			sandbox.destroy();
			assertThat(HostProcesses.runningWith(marker)).isEmpty();
			assertThat(fixture.baseDirectory(mode)).isEmptyDirectory();
			assertThatExceptionOfType(CommandStartException.class)
				.isThrownBy(() -> sandbox.launch(new CommandRequest("true", null, Map.of())));
		}
	}

	/**
	 * A server started in the background outlives the command that started it, in both runtimes,
	 * and no longer belongs to its tree; reset and destroy still end it.
	 */
	@BothRuntimes
	void resetAndDestroyEndProcessesThatLeftTheirCommand(RuntimeMode mode) {
		try (RuntimeFixture fixture = new RuntimeFixture(this.directory, true)) {
			RuntimeSandbox sandbox = fixture.provision(mode);
			String first = marker();
			Commands.run(sandbox, "sh -c 'sleep 300; true' " + first + " > /dev/null 2>&1 &");
			await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(first).size() == 1);
			sandbox.reset();
			assertThat(HostProcesses.runningWith(first)).isEmpty();
			String second = marker();
			Commands.run(sandbox, "sh -c 'sleep 300; true' " + second + " > /dev/null 2>&1 &");
			await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(second).size() == 1);
			sandbox.destroy();
			assertThat(HostProcesses.runningWith(second)).isEmpty();
		}
	}

	@BothRuntimes
	void destroyRemovesWhatTheSandboxMadeReadOnly(RuntimeMode mode) {
		try (RuntimeFixture fixture = new RuntimeFixture(this.directory, true)) {
			RuntimeSandbox sandbox = fixture.provision(mode);
			Commands.Result result = Commands.run(sandbox,
					"mkdir -p locked/deep/er && touch locked/deep/er/f && chmod 000 locked/deep/er locked/deep locked "
							+ "&& chmod 500 .", "/workspace",
					Map.of());
			assertThat(result.exitCode()).isZero();
			sandbox.destroy();
			assertThat(fixture.baseDirectory(mode)).isEmptyDirectory();
		}
	}

	@BothRuntimes
	void destroyOfManySandboxesLeavesNoProcessNorDirectory(RuntimeMode mode) throws Exception {
		try (RuntimeFixture fixture = new RuntimeFixture(this.directory, true)) {
			String marker = marker();
			List<RuntimeSandbox> sandboxes = new ArrayList<>();
			List<ProcessHandle> processes = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				RuntimeSandbox sandbox = fixture.provision(mode);
				BackgroundProcess process = start(sandbox, "sleep " + marker + " & sleep " + marker);
				sandboxes.add(sandbox);
				processes.add(ProcessHandle.of(process.pid()).orElseThrow());
			}
			await().atMost(20, TimeUnit.SECONDS).until(() -> HostProcesses.running("sleep", marker).size() >= 100);
			processes.addAll(processes.stream().flatMap(ProcessHandle::descendants).toList());
			sandboxes.forEach(RuntimeSandbox::destroy);
			assertThat(processes).noneMatch(ProcessTrees::isRunning);
			assertThat(HostProcesses.runningWith(marker)).isEmpty();
			try (Stream<Path> left = Files.list(fixture.baseDirectory(mode))) {
				assertThat(left).isEmpty();
			}
		}
	}

	@BothRuntimes
	void closingTheRuntimeDestroysEverySandbox(RuntimeMode mode) throws Exception {
		Path outside = Files.writeString(this.directory.resolve("outside.txt"), "kept");
		RuntimeFixture fixture = new RuntimeFixture(this.directory, true);
		SandboxRuntime runtime = fixture.runtime(mode);
		String marker = marker();
		for (int i = 0; i < 3; i++) {
			RuntimeSandbox sandbox = fixture.provision(mode);
			start(sandbox, "sleep " + marker);
			sandbox.files().write("/tmp/f", "f");
		}
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.running("sleep", marker).size() >= 3);
		runtime.close();
		assertThat(HostProcesses.runningWith(marker)).isEmpty();
		assertThat(fixture.baseDirectory(mode)).isEmptyDirectory();
		assertThat(outside).hasContent("kept");
		assertThatExceptionOfType(RuntimeProvisioningException.class)
			.isThrownBy(() -> runtime.provision(new SandboxDefinition("late", "image", "micro", Map.of())));
		fixture.close();
	}

	@BothRuntimes
	void sandboxIdsAreValidatedAndUnique(RuntimeMode mode) {
		try (RuntimeFixture fixture = new RuntimeFixture(this.directory, true)) {
			SandboxRuntime runtime = fixture.runtime(mode);
			for (String id : List.of("", "../escape", "a/b", "dot.dot", "x".repeat(65), "sp ace")) {
				assertThatExceptionOfType(IllegalArgumentException.class)
					.isThrownBy(() -> runtime.provision(new SandboxDefinition(id, "image", "micro", Map.of())));
			}
			RuntimeSandbox sandbox = runtime.provision(new SandboxDefinition("Same-Id-1", "image", "micro", Map.of()));
			assertThatExceptionOfType(RuntimeProvisioningException.class)
				.isThrownBy(() -> runtime.provision(new SandboxDefinition("Same-Id-1", "image", "micro", Map.of())));
			sandbox.destroy();
			runtime.provision(new SandboxDefinition("Same-Id-1", "image", "micro", Map.of())).destroy();
		}
	}

	private static BackgroundProcess start(RuntimeSandbox sandbox, String command) {
		return sandbox.processes().start(new CommandRequest(command, null, Map.of()));
	}

	private static String marker() {
		return "300.0" + System.nanoTime();
	}

}

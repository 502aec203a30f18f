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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the caps that {@link SandboxCgroups} puts on bubblewrap sandboxes, on the machine's
 * real cgroups. Skipped where sandboxes cannot be capped, unless caps are required.
 */
@Timeout(120)
class SandboxResourceLimitsTests {

	private static final RuntimeMode BUBBLEWRAP = RuntimeMode.BUBBLEWRAP;

	private static final long MICRO_MEMORY = 512L * 1024 * 1024;

	@RegisterExtension
	static final RuntimeFixture fixture = RuntimeFixture.inTemporaryDirectory();

	@BeforeAll
	static void assumeCapped() {
		Cgroups.assumeAvailable();
	}

	@Test
	void commandsRunInTheSandboxesGroupsCappedAtItsInstanceType() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		Map<String, Path> groups = groupsOf(sandbox);
		assertThat(groups).containsOnlyKeys("cpu", "memory", "pids")
			.allSatisfy((controller, group) -> assertThat(group.getFileName()).hasToString(sandbox.id()));
		assertThat(Cgroups.read(groups.get("memory"), "memory.limit_in_bytes")).isEqualTo(MICRO_MEMORY);
		assertThat(Cgroups.read(groups.get("pids"), "pids.max")).isEqualTo(Cgroups.MAX_PROCESSES);
		assertThat(Cgroups.read(groups.get("cpu"), "cpu.cfs_quota_us")).isEqualTo(50_000);
		assertThat(Cgroups.read(groups.get("cpu"), "cpu.cfs_period_us")).isEqualTo(100_000);
		assertThat(groupsOf(sandbox.processes().start(new CommandRequest("cat /proc/self/cgroup", null, Map.of()))))
			.isEqualTo(groups);
	}

	@Test
	void backgroundProcessesStopAtTheCap() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		Path pids = groupsOf(sandbox).get("pids");
		assertThat(Cgroups.read(pids, "pids.max")).isEqualTo(Cgroups.MAX_PROCESSES);
		String marker = "600.0" + System.nanoTime();
		Commands.Result result = Commands.run(sandbox,
				"i=0; while [ $i -lt 1000 ]; do sleep " + marker + " > /dev/null 2>&1 & i=$((i+1)); done; echo $i");
		assertThat(result.stderr()).contains("fork");
		int sleeping = HostProcesses.running("sleep", marker).size();
		assertThat(sleeping).isBetween(400, (int) Cgroups.MAX_PROCESSES);
		assertThat(Cgroups.read(pids, "pids.current")).isLessThanOrEqualTo(Cgroups.MAX_PROCESSES);
		assertThat(Commands.run(sandbox, "sleep 30 & echo forked").stderr()).contains("fork");
		sandbox.destroy();
		await().untilAsserted(() -> assertThat(HostProcesses.running("sleep", marker)).isEmpty());
		assertThat(pids).doesNotExist();
	}

	@Test
	void memoryBeyondTheCapEndsTheProcessNotTheSandbox() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		Path memory = groupsOf(sandbox).get("memory");
		assertThat(Cgroups.read(memory, "memory.limit_in_bytes")).isEqualTo(MICRO_MEMORY);
		Commands.Result hog = Commands.run(sandbox, "awk 'BEGIN { s = \"x\"; while (1) s = s s }'");
		assertThat(hog.exitCode()).isEqualTo(128 + 9);
		assertThat(Cgroups.read(memory, "memory.max_usage_in_bytes")).isBetween(MICRO_MEMORY * 9 / 10, MICRO_MEMORY);
		assertThat(Commands.run(sandbox, "echo still here").stdout()).isEqualTo("still here\n");
	}

	@Test
	void groupsGoWithTheSandboxAndTheRuntime() throws IOException {
		Path base = Files.createTempDirectory("koyeb-cgroup-tests-").toRealPath();
		Path emulatorGroup;
		try (SandboxRuntime runtime = SandboxRuntimes.create(BUBBLEWRAP, base, true)) {
			RuntimeSandbox sandbox = runtime.provision(new SandboxDefinition("sb-" + UUID.randomUUID(),
					"koyeb/sandbox", "nano", Map.of()));
			Map<String, Path> groups = groupsOf(sandbox);
			assertThat(Cgroups.read(groups.get("memory"), "memory.limit_in_bytes")).isEqualTo(256L * 1024 * 1024);
			emulatorGroup = groups.get("pids").getParent();
			sandbox.destroy();
			assertThat(groups.values()).allSatisfy((group) -> assertThat(group).doesNotExist());
			assertThat(emulatorGroup).isDirectory();
		}
		finally {
			DirectoryTrees.delete(base);
		}
		assertThat(emulatorGroup).doesNotExist();
	}

	@Test
	void groupsOfAnEmulatorThatEndedWithoutClosingAreRemoved() throws IOException {
		Path pidsGroup = groupsOf(fixture.provision(BUBBLEWRAP)).get("pids").getParent().getParent();
		Path ended = Files.createDirectories(pidsGroup.resolve("koyeb-emulator-999999999-1").resolve("sb-left"));
		try (SandboxCgroups cgroups = SandboxCgroups.detect()) {
			assertThat(cgroups.enabled()).isTrue();
			assertThat(ended.getParent()).doesNotExist();
		}
	}

	private static Map<String, Path> groupsOf(RuntimeSandbox sandbox) {
		return Cgroups.groups(Commands.run(sandbox, "cat /proc/self/cgroup").stdout());
	}

	private static Map<String, Path> groupsOf(BackgroundProcess process) {
		await().until(() -> process.status() != ProcessStatus.RUNNING);
		return Cgroups.groups(String.join("\n", process.backlog().stream().map(LogEntry::data).toList()));
	}

}

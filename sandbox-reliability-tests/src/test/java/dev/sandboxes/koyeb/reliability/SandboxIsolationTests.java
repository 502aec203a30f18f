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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.ProcessStatus;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxFileException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.runtime.Cgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Untrusted code in bubblewrap sandboxes, through the whole stack, against what the runtime's
 * own isolation tests do not reach: links a command makes to lead the file API out, the
 * emulator's API reached from inside a sandbox, and a fork bomb, which only runs once the
 * sandbox's process cap is verified.
 */
@Timeout(120)
class SandboxIsolationTests {

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.isolated();

	private static SandboxTemplate template;

	@BeforeAll
	static void createTemplate() {
		template = emulator.templateBuilder().build();
	}

	@Test
	void linksMadeByACommandNeverLeadTheFileApiOutOfTheSandbox() throws Exception {
		try (Sandbox sandbox = template.create(SandboxSpec.builder().name("linker").build())) {
			String hostname = Files.readString(Path.of("/etc/hostname"));
			ExecResult hardLink = sandbox.exec("ln /etc/hostname /tmp/hostname");
			assertThat(hardLink.exitCode()).isNotZero();
			assertThat(hardLink.stderr()).contains("Invalid cross-device link");
			assertThat(sandbox.exec("echo x > /root/own && ln /root/own /workspace/own").stderr())
				.contains("Invalid cross-device link");
			assertThat(sandbox.exec("ln -s /etc/hostname /tmp/soft && ln -s ../../.. /tmp/up").exitCode()).isZero();
			assertThatExceptionOfType(SandboxFileException.class)
				.isThrownBy(() -> sandbox.files().write("/tmp/soft", "overwritten"))
				.withMessage("POST /write_file failed for /tmp/soft: open /tmp/soft: permission denied");
			assertThatExceptionOfType(SandboxFileException.class)
				.isThrownBy(() -> sandbox.files().readString("/tmp/up/etc/hostname"))
				.withMessage("POST /read_file failed for /tmp/up/etc/hostname: open /tmp/up/etc/hostname: permission denied");
			sandbox.files().write("/tmp/hostname", "sandbox's own");
			assertThat(Path.of("/etc/hostname")).hasContent(hostname.strip());
			assertThat(sandbox.exec("cat /tmp/hostname").stdout()).isEqualTo("sandbox's own");
		}
	}

	@Test
	void codeInASandboxCannotUseTheEmulatorsApiEvenWithItsOwnSecret() {
		try (Sandbox sandbox = template.create(SandboxSpec.builder().name("api-caller").build())) {
			sandbox.files().write("/tmp/call.sh", "exec 3<>/dev/tcp/127.0.0.1/" + emulator.port() + "\n"
					+ "printf 'GET /v1/services HTTP/1.0\\r\\nAuthorization: Bearer %s\\r\\n\\r\\n' \"$SANDBOX_SECRET\" >&3\n"
					+ "head -n 1 <&3\n");
			assertThat(sandbox.exec("bash /tmp/call.sh").stdout()).startsWith("HTTP/1.0 401 Unauthorized");
		}
	}

	@Test
	void forkBombStaysInItsSandboxWhichCanBeDeletedWithAllItsProcesses() {
		Cgroups.assumeAvailable();
		Sandbox bystander = template.create(SandboxSpec.builder().name("bystander").build());
		Sandbox bomb = template.create(SandboxSpec.builder().name("bomb").build());
		try {
			Map<String, Path> groups = Cgroups.groups(bomb.exec("cat /proc/self/cgroup").stdout());
			Path pids = groups.get("pids");
			// Never without a verified cap: an uncapped fork bomb takes the whole host down.
			assertThat(Cgroups.read(pids, "pids.max")).isEqualTo(Cgroups.MAX_PROCESSES);
			ProcessInfo check = bomb.processes().start("cat /proc/self/cgroup");
			await().until(() -> status(bomb, check) != ProcessStatus.RUNNING);
			StringBuilder backgroundGroups = new StringBuilder();
			bomb.processes().logs(check.id(), Duration.ofSeconds(10), (line) -> backgroundGroups.append(line.text()).append('\n'));
			assertThat(Cgroups.groups(backgroundGroups.toString())).isEqualTo(groups);

			bomb.processes().start("b() { b | b & }; b");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(Cgroups.read(pids, "pids.current")).isGreaterThan(Cgroups.MAX_PROCESSES * 3 / 4));
			assertThat(Cgroups.read(pids, "pids.current")).isLessThanOrEqualTo(Cgroups.MAX_PROCESSES);
			assertThat(bystander.exec("echo unaffected").stdout()).isEqualTo("unaffected\n");
			assertThat(template.list()).extracting("id").contains(bystander.id(), bomb.id());
			try (Sandbox newcomer = template.create(SandboxSpec.builder().name("newcomer").build())) {
				assertThat(newcomer.exec("echo created meanwhile").stdout()).isEqualTo("created meanwhile\n");
			}

			bomb.delete();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids).doesNotExist());
			assertThat(groups.values()).allSatisfy((group) -> assertThat(group).doesNotExist());
			assertThat(emulator.storedSandboxes()).extracting(Path::getFileName).extracting(Path::toString)
				.doesNotContain(bomb.id());
			assertThat(bystander.exec("echo still unaffected").stdout()).isEqualTo("still unaffected\n");
		}
		finally {
			bomb.delete();
			bystander.delete();
		}
	}

	private static ProcessStatus status(Sandbox sandbox, ProcessInfo process) {
		return sandbox.processes().list().stream().filter((listed) -> listed.id().equals(process.id()))
			.findFirst().orElseThrow().status();
	}

}

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that bubblewrap sandboxes are isolated from the host and from each other. The base
 * directory is under {@code /dev/shm}, not under {@code /tmp} or another path that sandboxes
 * replace with their own, wherever the build runs, so that hiding it is tested too.
 */
@Timeout(60)
class BubblewrapIsolationTests {

	private static final RuntimeMode BUBBLEWRAP = RuntimeMode.BUBBLEWRAP;

	static Path directory;

	static RuntimeFixture fixture;

	static RuntimeFixture offline;

	private final String unique = "koyeb-emulator-test-" + UUID.randomUUID();

	@BeforeAll
	static void createRuntimes() throws Exception {
		Bubblewrap.assumeAvailable();
		directory = Files.createDirectories(Path.of("/dev/shm", "koyeb-emulator-isolation-" + UUID.randomUUID()))
			.toRealPath();
		fixture = new RuntimeFixture(directory.resolve("online"), true);
		offline = new RuntimeFixture(directory.resolve("offline"), false);
	}

	@AfterEach
	void destroySandboxes() {
		fixture.destroyProvisioned();
		offline.destroyProvisioned();
	}

	@AfterAll
	static void closeRuntimes() throws Exception {
		if (fixture != null) {
			fixture.close();
			offline.close();
			DirectoryTrees.delete(directory);
		}
	}

	@Test
	void hostFileSystemIsReadOnly() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		for (String path : new String[] { "/usr/", "/etc/", "/", "/var/", "/usr/lib/" }) {
			Commands.Result result = Commands.run(sandbox, "touch " + path + this.unique);
			assertThat(result.exitCode()).as(path).isNotZero();
			assertThat(result.stderr()).as(path).contains("Read-only file system");
			assertThat(Path.of(path, this.unique)).doesNotExist();
		}
		assertThat(Commands.run(sandbox, "cat /etc/passwd > /dev/null && ls /usr/bin > /dev/null").exitCode())
			.isZero();
	}

	/**
	 * Only the host's system directories are visible, without what the host keeps from its
	 * unprivileged users: a sandbox's root, without a user namespace when the emulator runs as
	 * root, could read it otherwise.
	 */
	@Test
	void onlyTheHostsSystemDirectoriesAreVisibleWithoutItsPrivateFiles() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(sandbox, "cat /etc/shadow /etc/gshadow").stdout()).isEmpty();
		assertThat(Commands.run(sandbox, "ls /sys/fs/cgroup").exitCode()).isNotZero();
		String build = Path.of("").toAbsolutePath().toString();
		assertThat(Commands.run(sandbox, "ls -d '" + build + "'").exitCode()).as(build).isNotZero();
		assertThat(Commands.run(sandbox, "ls -d " + directory).exitCode()).isNotZero();
		assertThat(Commands.run(sandbox, "ls /usr/bin > /dev/null && cat /etc/passwd > /dev/null").exitCode())
			.isZero();
	}

	/**
	 * A library the sandbox built, named in {@code LD_PRELOAD} by its host path, would run with the
	 * emulator's privileges if any process outside the sandbox received the command's
	 * environment: its constructor would leave a marker in the host's {@code /dev/shm}.
	 */
	@Test
	void commandEnvironmentReachesOnlyTheCommand() throws Exception {
		Bubblewrap.assumeCommand("gcc");
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		Path marker = Path.of("/dev/shm", this.unique);
		sandbox.files().write("/tmp/preload.c", "#include <stdio.h>\n"
				+ "__attribute__((constructor)) static void mark(void) {\n"
				+ "  FILE *f = fopen(\"" + marker + "\", \"w\"); if (f) fclose(f);\n}\n");
		assertThat(Commands.run(sandbox, "gcc -shared -fPIC -o /tmp/preload.so /tmp/preload.c").exitCode()).isZero();
		String library = fixture.hostPath(BUBBLEWRAP, sandbox, "/tmp").resolve("preload.so").toString();
		try {
			Commands.Result result = Commands.run(sandbox, "echo \"$LD_PRELOAD\"", null, Map.of("LD_PRELOAD", library));
			assertThat(result.stdout()).isEqualTo(library + "\n");
			assertThat(marker).doesNotExist();
		}
		finally {
			Files.deleteIfExists(marker);
		}
	}

	@Test
	void writableDirectoriesAreTheSandboxesOwn() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		Commands.Result result = Commands.run(sandbox,
				"for d in /tmp /var/tmp /root /home /workspace; do echo x > $d/f || exit 1; done; ls /tmp");
		assertThat(result).isEqualTo(new Commands.Result("f\n", "", 0));
		for (String writable : SandboxStorage.SANDBOX_DIRECTORIES) {
			assertThat(sandbox.files().read(writable + "/f")).isEqualTo("x\n");
		}
	}

	@Test
	void otherSandboxesFilesAreInvisible() {
		RuntimeSandbox victim = fixture.provision(BUBBLEWRAP);
		RuntimeSandbox intruder = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(victim, "echo s3cret > /tmp/secret.txt").exitCode()).isZero();
		Path base = fixture.baseDirectory(BUBBLEWRAP);
		Path victimSecret = fixture.hostPath(BUBBLEWRAP, victim, "/tmp").resolve("secret.txt");
		assertThat(victimSecret).hasContent("s3cret");
		Commands.Result read = Commands.run(intruder, "cat " + victimSecret);
		assertThat(read.exitCode()).isNotZero();
		assertThat(read.stdout()).isEmpty();
		assertThat(Commands.run(intruder, "ls -A " + base).stdout()).isEmpty();
		assertThat(Commands.run(intruder, "echo planted > " + victimSecret).exitCode()).isNotZero();
		assertThat(Commands.run(intruder, "cat /tmp/secret.txt").exitCode()).isNotZero();
		assertThat(intruder.files().list("/tmp")).isEmpty();
		assertThat(victimSecret).hasContent("s3cret");
	}

	@Test
	void otherSandboxesProcessesAreInvisible() {
		RuntimeSandbox victim = fixture.provision(BUBBLEWRAP);
		RuntimeSandbox intruder = fixture.provision(BUBBLEWRAP);
		String marker = "300.0" + System.nanoTime();
		victim.processes().start(new CommandRequest("sleep " + marker, null, Map.of()));
		await().atMost(10, TimeUnit.SECONDS).until(() -> !HostProcesses.running("sleep", marker).isEmpty());
		Commands.Result processes = Commands.run(intruder, "cat /proc/[0-9]*/cmdline | tr '\\0' ' '; echo; ls /proc");
		assertThat(processes.exitCode()).isZero();
		assertThat(processes.stdout()).doesNotContain("sleep " + marker).contains("cat /proc");
		long pid = HostProcesses.running("sleep", marker).get(0);
		assertThat(Commands.run(intruder, "kill -9 " + pid).exitCode()).isNotZero();
		assertThat(HostProcesses.running("sleep", marker)).isNotEmpty();
	}

	@Test
	void commandsHaveNoCapabilities() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(sandbox, "grep CapEff /proc/self/status").stdout())
			.isEqualTo("CapEff:\t0000000000000000\n");
		assertThat(Commands.run(sandbox, "mount -o remount,rw /").exitCode()).isNotZero();
		assertThat(Commands.run(sandbox, "mount -t tmpfs none /tmp").exitCode()).isNotZero();
		// Writes back the value it reads: harmless even if it were allowed.
		Commands.Result sysctl = Commands.run(sandbox, "cat /proc/sys/vm/swappiness > /proc/sys/vm/swappiness");
		assertThat(sysctl.exitCode()).isNotZero();
		assertThat(sysctl.stderr()).contains("Read-only file system");
		assertThat(Commands.run(sandbox, "cat /proc/sys/kernel/hostname").stdout()).isEqualTo("sandbox\n");
	}

	@Test
	void networkCanBeCut() {
		RuntimeSandbox sandbox = offline.provision(BUBBLEWRAP);
		Commands.Result interfaces = Commands.run(sandbox, "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '");
		assertThat(interfaces).isEqualTo(new Commands.Result("lo\n", "", 0));
	}

	@Test
	void hostRunDirectoryIsHidden() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(sandbox, "ls -A /run")).isEqualTo(new Commands.Result("", "", 0));
	}

	@Test
	void workingDirectoryMayBeAReadOnlyHostDirectory() {
		RuntimeSandbox sandbox = fixture.provision(BUBBLEWRAP);
		assertThat(Commands.run(sandbox, "pwd", "/usr/bin", Map.of()).stdout()).isEqualTo("/usr/bin\n");
		assertThat(Commands.run(sandbox, "pwd", "/", Map.of()).stdout()).isEqualTo("/\n");
	}

}

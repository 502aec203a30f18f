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

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RuntimeSandbox#launch(CommandRequest)}, on both runtimes.
 */
@Timeout(60)
class SandboxCommandTests {

	@RegisterExtension
	static final RuntimeFixture fixture = RuntimeFixture.inTemporaryDirectory();

	@BothRuntimes
	void echoPrintsToStdoutAndExitsWithZero(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThat(Commands.run(sandbox, "echo hello")).isEqualTo(new Commands.Result("hello\n", "", 0));
	}

	@BothRuntimes
	void stderrAndExitCodeAreTheCommands(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThat(Commands.run(sandbox, "echo out; echo err 1>&2; exit 3"))
			.isEqualTo(new Commands.Result("out\n", "err\n", 3));
	}

	@BothRuntimes
	void unknownCommandExitsWith127(RuntimeMode mode) {
		Commands.Result result = Commands.run(fixture.provision(mode), "no-such-command-xyz");
		assertThat(result.exitCode()).isEqualTo(127);
		assertThat(result.stderr()).contains("no-such-command-xyz: not found");
	}

	@BothRuntimes
	void defaultWorkingDirectoryIsRoot(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThat(Commands.run(sandbox, "echo here > where.txt").exitCode()).isZero();
		assertThat(sandbox.files().read("/root/where.txt")).isEqualTo("here\n");
	}

	@BothRuntimes
	void workingDirectoryAndEnvironmentAreTheRequests(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		Commands.Result result = Commands.run(sandbox, "echo $GREETING > greeting.txt; pwd", "/tmp",
				Map.of("GREETING", "hi"));
		assertThat(result.exitCode()).isZero();
		assertThat(sandbox.files().read("/tmp/greeting.txt")).isEqualTo("hi\n");
		if (mode == RuntimeMode.BUBBLEWRAP) {
			assertThat(result.stdout()).isEqualTo("/tmp\n");
		}
	}

	@BothRuntimes
	void relativeWorkingDirectoryIsRelativeToRoot(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().makeDirectories("/root/project");
		assertThat(Commands.run(sandbox, "touch marker", "project", Map.of()).exitCode()).isZero();
		assertThat(sandbox.files().list("/root/project")).containsExactly("marker");
	}

	@BothRuntimes
	void missingWorkingDirectoryIsRefused(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("pwd", "/no/such/dir", Map.of())))
			.withMessage("Invalid working directory: /no/such/dir");
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("pwd", "/tmp/missing", Map.of())))
			.withMessage("Invalid working directory: /tmp/missing");
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("pwd", "/tmp/../etc/x\0", Map.of())))
			.withMessage("Invalid working directory: /tmp/../etc/x\0");
	}

	@BothRuntimes
	void fileIsNotAWorkingDirectory(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().write("/tmp/file", "x");
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("pwd", "/tmp/file", Map.of())));
	}

	@BothRuntimes
	void sandboxSecretIsInTheEnvironment(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThat(Commands.run(sandbox, "printf %s \"$SANDBOX_SECRET\"").stdout()).isEqualTo("secret-" + sandbox.id());
	}

	@BothRuntimes
	void requestEnvironmentWinsOverTheSandboxes(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		Commands.Result result = Commands.run(sandbox, "printf '%s %s' \"$SANDBOX_SECRET\" \"$HOME\"", null,
				Map.of("SANDBOX_SECRET", "mine", "HOME", "/elsewhere"));
		assertThat(result.stdout()).isEqualTo("mine /elsewhere");
	}

	@BothRuntimes
	void environmentIsTheSandboxesNotTheEmulators(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		Commands.Result result = Commands.run(sandbox, "env");
		Set<String> names = Arrays.stream(result.stdout().split("\n", -1))
			.filter((line) -> line.contains("="))
			.map((line) -> line.substring(0, line.indexOf('=')))
			.collect(Collectors.toSet());
		// PWD, SHLVL, OLDPWD and _ are the shell's own; plain processes carry the tag of their sandbox.
		assertThat(names).containsAll(Set.of("PATH", "HOME", "LANG", "SANDBOX_SECRET"))
			.isSubsetOf("PATH", "HOME", "LANG", "SANDBOX_SECRET", "TMPDIR", "PWD", "SHLVL", "OLDPWD", "_",
					"KOYEB_EMULATOR_SANDBOX");
		assertThat(result.stdout()).contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n")
			.contains("LANG=C.UTF-8\n");
		if (mode == RuntimeMode.BUBBLEWRAP) {
			assertThat(result.stdout()).contains("HOME=/root\n");
			assertThat(names).doesNotContain("KOYEB_EMULATOR_SANDBOX", "TMPDIR");
		}
	}

	@BothRuntimes
	void commandsAndTheFileApiShareTheStorage(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().write("/workspace/in.txt", "from the API");
		Commands.Result result = Commands.run(sandbox, "cat in.txt; echo out > out.txt", "/workspace", Map.of());
		assertThat(result.stdout()).isEqualTo("from the API");
		assertThat(sandbox.files().read("/workspace/out.txt")).isEqualTo("out\n");
	}

	@BothRuntimes
	void killEndsTheCommandAndItsChildren(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		String marker = "300.0" + System.nanoTime();
		CommandExecution execution = sandbox
			.launch(new CommandRequest("sleep " + marker + " & sleep " + marker, null, Map.of()));
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.running("sleep", marker).size() >= 2);
		execution.kill();
		execution.kill();
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(137);
		assertThat(execution.endedWithItsSandbox()).isFalse();
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(marker).isEmpty());
	}

	@BothRuntimes
	void destroyingTheSandboxEndsItsCommandsWithIt(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		CommandExecution finished = sandbox.launch(new CommandRequest("true", null, Map.of()));
		assertThat(finished.exitCode().get(10, TimeUnit.SECONDS)).isZero();
		String marker = "300.0" + System.nanoTime();
		CommandExecution running = sandbox.launch(new CommandRequest("sleep " + marker, null, Map.of()));
		await().atMost(10, TimeUnit.SECONDS).until(() -> !HostProcesses.running("sleep", marker).isEmpty());
		sandbox.destroy();
		running.exitCode().get(10, TimeUnit.SECONDS);
		assertThat(running.endedWithItsSandbox()).isTrue();
		assertThat(finished.endedWithItsSandbox()).isFalse();
	}

	@BothRuntimes
	void commandTooLongForTheKernelCannotStartAndSaysWhy(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThatExceptionOfType(CommandStartException.class)
			.isThrownBy(() -> sandbox.launch(new CommandRequest("echo " + "x".repeat(200_000), null, Map.of())))
			.withMessageStartingWith("Cannot start sh: ")
			.withMessageContaining("Argument list too long")
			.withMessageNotContaining("/");
		assertThat(Commands.run(sandbox, "echo still works").stdout()).isEqualTo("still works\n");
	}

	@BothRuntimes
	void exitCodeArrivesWhileEveryWorkerOfTheCommonPoolIsBlocked(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		ForkJoinPool pool = ForkJoinPool.commonPool();
		CountDownLatch blockers = new CountDownLatch(pool.getParallelism());
		CountDownLatch release = new CountDownLatch(1);
		for (int i = 0; i < pool.getParallelism(); i++) {
			var unused = pool.submit(() -> {
				blockers.countDown();
				release.await();
				return null;
			});
		}
		try {
			assertThat(blockers.await(10, TimeUnit.SECONDS)).isTrue();
			CommandExecution execution = sandbox.launch(new CommandRequest("exit 3", null, Map.of()));
			assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(3);
		}
		finally {
			release.countDown();
		}
	}

	@BothRuntimes
	void exitCodeOfACommandKilledBySignalIs128PlusTheSignal(RuntimeMode mode) {
		assertThat(Commands.run(fixture.provision(mode), "kill -TERM $$").exitCode()).isEqualTo(143);
	}

	@BothRuntimes
	void largeOutputStreamsThroughWithoutBuffering(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		long size = 200L * 1000 * 1000;
		CommandExecution execution = sandbox
			.launch(new CommandRequest("head -c " + size + " /dev/zero", null, Map.of()));
		assertThat(Commands.countBytes(execution.stdout())).isEqualTo(size);
		assertThat(execution.exitCode().get(10, TimeUnit.SECONDS)).isZero();
	}

	@BothRuntimes
	void commandsHaveNoFileDescriptorButTheStandardStreams(RuntimeMode mode) {
		// The shell forks ls, which lists the shell's descriptors.
		assertThat(Commands.run(fixture.provision(mode), "ls /proc/$$/fd; true").stdout()).isEqualTo("0\n1\n2\n");
	}

	@BothRuntimes
	void commandsRunWithoutInput(RuntimeMode mode) {
		assertThat(Commands.run(fixture.provision(mode), "cat; echo done").stdout()).isEqualTo("done\n");
	}

}

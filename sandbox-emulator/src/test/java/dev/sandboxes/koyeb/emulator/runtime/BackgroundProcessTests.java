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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for background processes ({@link ProcessTable}, {@link BackgroundProcess}), on both
 * runtimes.
 */
@Timeout(60)
class BackgroundProcessTests {

	private static final String TICKS = "for i in 1 2 3; do echo tick $i; echo warn $i 1>&2; sleep 0.2; done";

	@RegisterExtension
	static final RuntimeFixture fixture = RuntimeFixture.inTemporaryDirectory();

	@BothRuntimes
	void processRunsThenCompletesWithItsBacklog(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		BackgroundProcess process = start(sandbox, TICKS);
		assertThat(process.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(process.pid()).isPositive();
		assertThat(process.command()).isEqualTo(TICKS);
		assertThat(process.status()).isEqualTo(ProcessStatus.RUNNING);
		assertThat(process.exitCode()).isNull();
		await().atMost(10, TimeUnit.SECONDS).until(() -> process.status() == ProcessStatus.COMPLETED);
		assertThat(process.exitCode()).isZero();
		await().atMost(5, TimeUnit.SECONDS).until(() -> process.backlog().size() == 6);
		assertThat(process.backlog()).extracting(LogEntry::stream, LogEntry::data)
			.containsExactly(tuple("stdout", "tick 1"), tuple("stdout", "tick 2"), tuple("stdout", "tick 3"),
					tuple("stderr", "warn 1"), tuple("stderr", "warn 2"), tuple("stderr", "warn 3"));
	}

	@BothRuntimes
	void logsAreTheBacklogThenLiveLinesUntilTheProcessEnds(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		BackgroundProcess process = start(sandbox, "echo first; sleep 0.5; echo second; sleep 0.3; echo third");
		await().atMost(5, TimeUnit.SECONDS).until(() -> process.backlog().size() == 1);
		List<LogEntry> logs = process.logs().collectList().block(Duration.ofSeconds(10));
		assertThat(logs).extracting(LogEntry::data).containsExactly("first", "second", "third");
		assertThat(process.status()).isEqualTo(ProcessStatus.COMPLETED);
	}

	@BothRuntimes
	void logsOfAFinishedProcessAreItsBacklog(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		BackgroundProcess process = start(sandbox, "echo out; echo err 1>&2; exit 4");
		await().atMost(10, TimeUnit.SECONDS).until(() -> process.status() == ProcessStatus.FAILED);
		assertThat(process.exitCode()).isEqualTo(4);
		await().atMost(5, TimeUnit.SECONDS).until(() -> process.backlog().size() == 2);
		assertThat(process.logs().collectList().block(Duration.ofSeconds(5))).extracting(LogEntry::data)
			.containsExactly("out", "err");
	}

	@BothRuntimes
	void killingARunningProcessKillsItsChildren(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		String marker = "300.0" + System.nanoTime();
		BackgroundProcess process = start(sandbox, "sleep " + marker + " & echo started; sleep " + marker);
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.running("sleep", marker).size() >= 2);
		assertThat(process.kill()).isTrue();
		assertThat(process.status()).isEqualTo(ProcessStatus.KILLED);
		assertThat(process.exitCode()).isEqualTo(-1);
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(marker).isEmpty());
		assertThat(process.kill()).isTrue();
		assertThat(process.status()).isEqualTo(ProcessStatus.KILLED);
		assertThat(process.exitCode()).isEqualTo(-1);
		assertThat(process.logs().collectList().block(Duration.ofSeconds(5))).extracting(LogEntry::data)
			.containsExactly("started");
	}

	@BothRuntimes
	void processOutlivesTheThreadThatStartedIt(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		List<BackgroundProcess> started = new CopyOnWriteArrayList<>();
		Thread starter = new Thread(() -> started.add(start(sandbox, "sleep 30")), "short-lived");
		starter.start();
		starter.join();
		await().during(300, TimeUnit.MILLISECONDS)
			.atMost(2, TimeUnit.SECONDS)
			.until(() -> started.get(0).status() == ProcessStatus.RUNNING);
	}

	@BothRuntimes
	void killingAFinishedProcessFails(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		BackgroundProcess completed = start(sandbox, "true");
		BackgroundProcess failed = start(sandbox, "exit 1");
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> completed.status() == ProcessStatus.COMPLETED && failed.status() == ProcessStatus.FAILED);
		assertThat(completed.kill()).isFalse();
		assertThat(failed.kill()).isFalse();
		assertThat(completed.status()).isEqualTo(ProcessStatus.COMPLETED);
		assertThat(failed.exitCode()).isEqualTo(1);
	}

	@BothRuntimes
	void tableListsProcessesInStartOrderAndFindsThemById(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		BackgroundProcess first = start(sandbox, "sleep 30");
		BackgroundProcess second = start(sandbox, "true");
		assertThat(sandbox.processes().list()).containsExactly(first, second);
		assertThat(sandbox.processes().find(second.id())).contains(second);
		assertThat(sandbox.processes().find("nope")).isEmpty();
	}

	@BothRuntimes
	void clearKillsRunningProcessesAndForgetsThemAll(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		String marker = "300.0" + System.nanoTime();
		BackgroundProcess running = start(sandbox, "sleep " + marker);
		start(sandbox, "true");
		sandbox.processes().clear();
		assertThat(sandbox.processes().list()).isEmpty();
		assertThat(running.status()).isEqualTo(ProcessStatus.KILLED);
		await().atMost(10, TimeUnit.SECONDS).until(() -> HostProcesses.runningWith(marker).isEmpty());
	}

	@BothRuntimes
	void startRefusesAMissingWorkingDirectory(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		assertThatExceptionOfType(InvalidWorkingDirectoryException.class)
			.isThrownBy(() -> sandbox.processes().start(new CommandRequest("true", "/no/such", Map.of())))
			.withMessage("Invalid working directory: /no/such");
		assertThat(sandbox.processes().list()).isEmpty();
	}

	@BothRuntimes
	void processesGetTheSandboxesEnvironmentAndWorkingDirectory(RuntimeMode mode) {
		RuntimeSandbox sandbox = fixture.provision(mode);
		BackgroundProcess process = sandbox.processes()
			.start(new CommandRequest("echo \"$SANDBOX_SECRET $EXTRA\" > env.txt", "/workspace", Map.of("EXTRA", "x")));
		await().atMost(10, TimeUnit.SECONDS).until(() -> process.status() == ProcessStatus.COMPLETED);
		assertThat(sandbox.files().read("/workspace/env.txt")).isEqualTo("secret-" + sandbox.id() + " x\n");
	}

	private static BackgroundProcess start(RuntimeSandbox sandbox, String command) {
		return sandbox.processes().start(new CommandRequest(command, null, Map.of()));
	}

}

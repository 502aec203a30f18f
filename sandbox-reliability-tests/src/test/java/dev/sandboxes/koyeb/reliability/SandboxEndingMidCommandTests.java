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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.StreamType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A sandbox that ends while a command runs in it (deleted here, its emulator stopped in
 * {@link EmulatorRestartTests}): as on Koyeb, where the instance disappears with its connections,
 * the command's call fails with a connection error and never reports an exit code it did not
 * have.
 */
@Timeout(120)
class SandboxEndingMidCommandTests {

	static final String COMMAND = "echo started; sleep 15; echo finished";

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	private final SandboxTemplate template = emulator.templateBuilder().execTimeout(Duration.ofSeconds(60)).build();

	@Test
	void deletingTheSandboxDuringACommandCutsItWithoutAnExitCode() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("deleted-mid-exec").build());
		CompletableFuture<ExecResult> exec = CompletableFuture.supplyAsync(() -> sandbox.exec(COMMAND));
		awaitCommandRunning();
		this.template.delete(sandbox.id());
		assertEndedWithoutAnExitCode(exec);
	}

	@Test
	void deletingTheSandboxDuringAStreamedCommandEndsTheStreamWithoutCompletion() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("deleted-mid-stream").build());
		List<ExecEvent> events = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> stream = sandbox.reactive().execStream(COMMAND).doOnNext(events::add).then().toFuture();
		await().until(() -> events.contains(new OutputLine(StreamType.STDOUT, "started")));
		this.template.delete(sandbox.id());
		assertEndedWithoutAnExitCode(stream);
		assertThat(events).noneMatch(ExecCompleted.class::isInstance);
	}

	/**
	 * Wait until the command runs, as a process of the emulator's (plain processes).
	 */
	static void awaitCommandRunning() {
		await().until(() -> ProcessHandle.current()
			.descendants()
			.anyMatch((process) -> process.info().commandLine().orElse("").contains("sleep 15")));
	}

	static void assertEndedWithoutAnExitCode(Future<?> call) {
		Throwable failure = catchThrowable(() -> call.get(30, TimeUnit.SECONDS));
		assertThat(failure).as("the call's outcome").isInstanceOf(ExecutionException.class);
		assertThat(failure.getCause()).isInstanceOfAny(SandboxConnectionException.class,
				SandboxNotFoundException.class);
	}

}

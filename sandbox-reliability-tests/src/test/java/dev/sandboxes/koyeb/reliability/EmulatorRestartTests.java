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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An emulator that stops and starts again on the same port while a client holds sandboxes and
 * pooled connections: what it ran is gone, and says so with typed exceptions; calls made while
 * it is down recover if it is back within their deadline, and fail with a connection error
 * naming the operation otherwise.
 */
@Timeout(120)
class EmulatorRestartTests {

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	private final SandboxTemplate template = emulator.templateBuilder()
		.requestTimeout(Duration.ofSeconds(8))
		.readyTimeout(Duration.ofSeconds(8))
		.build();

	@AfterEach
	void running() {
		if (!emulator.isRunning()) {
			emulator.start();
		}
	}

	@Test
	void sandboxesOfAnEmulatorThatRestartedAreGoneAndSayTheyAre() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("before-restart").build());
		sandbox.files().write("/root/state.txt", "state");
		sandbox.processes().start("sleep 300");
		emulator.stop();
		emulator.start();
		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> this.template.get(sandbox.id()))
			.withMessageStartingWith("Sandbox " + sandbox.id() + " not found");
		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> sandbox.exec("true"))
			.withMessage("POST /run found nothing (HTTP 404): No sandbox is routed by this key");
		assertThat(emulator.storedSandboxes()).isEmpty();
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
		Sandbox after = this.template.create(SandboxSpec.builder().name("after-restart").build());
		assertThat(after.exec("echo fresh").stdout()).isEqualTo("fresh\n");
		after.delete();
	}

	@Test
	void stoppingTheEmulatorDuringACommandCutsItWithoutAnExitCode() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("stopped-mid-exec").build());
		ExecSpec command = ExecSpec.of(SandboxEndingMidCommandTests.COMMAND).timeout(Duration.ofSeconds(60));
		CompletableFuture<ExecResult> exec = CompletableFuture.supplyAsync(() -> sandbox.exec(command));
		SandboxEndingMidCommandTests.awaitCommandRunning();
		emulator.stop();
		emulator.start();
		SandboxEndingMidCommandTests.assertEndedWithoutAnExitCode(exec);
	}

	@Test
	void callsMadeWhileTheEmulatorIsDownRecoverWhenItIsBackWithinTheirDeadline() throws Exception {
		emulator.stop();
		CompletableFuture<Void> restart = CompletableFuture.runAsync(emulator::start,
				CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
		assertThat(this.template.list()).isNotNull();
		restart.get(30, TimeUnit.SECONDS);
		emulator.stop();
		restart = CompletableFuture.runAsync(emulator::start, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
		Sandbox created = this.template.create(SandboxSpec.builder().name("created-across-restart").build());
		restart.get(30, TimeUnit.SECONDS);
		assertThat(emulator.liveServices()).extracting("id").containsExactly(created.id());
		created.delete();
	}

	@Test
	void callsToAnEmulatorThatStaysDownFailWithAConnectionErrorAtTheirDeadline() {
		SandboxTemplate impatient = emulator.templateBuilder().requestTimeout(Duration.ofSeconds(2)).build();
		emulator.stop();
		assertThatExceptionOfType(SandboxConnectionException.class).isThrownBy(impatient::list)
			.withMessageStartingWith("GET /v1/services failed: ")
			.withMessageContaining("Connection refused");
		assertThatExceptionOfType(SandboxConnectionException.class)
			.isThrownBy(() -> impatient.create(SandboxSpec.builder().name("never").build()))
			.withMessageStartingWith("POST /v1/services failed: ");
	}

}

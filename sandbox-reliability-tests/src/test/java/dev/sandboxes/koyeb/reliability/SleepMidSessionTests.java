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
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.controlplane.MutableClock;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A sandbox that Koyeb's lifecycle puts to deep sleep, or deletes, between two calls of a
 * session, on an emulator whose time the test moves: the handle wakes a sleeping sandbox with its
 * next call, which sees it reset as Koyeb resets it, and a deleted one answers with a typed
 * exception.
 */
@Timeout(60)
class SleepMidSessionTests {

	private static final MutableClock clock = new MutableClock();

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain((builder) -> builder.clock(clock));

	private final SandboxTemplate template = emulator.templateBuilder().clock(clock).build();

	@Test
	void sandboxThatFellAsleepBetweenTwoCallsWakesResetOnTheNext() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder()
			.name("sleeper")
			.idleTimeout(Duration.ofMinutes(5))
			.deleteAfterInactivity(Duration.ofMinutes(30))
			.build());
		sandbox.files().write("/root/notes.txt", "before sleep");
		ProcessInfo server = sandbox.processes().start("sleep 300");
		advanceUntil(() -> deploymentStatus(sandbox).equals("SLEEPING"));

		assertThat(sandbox.exec("echo awake").stdout()).isEqualTo("awake\n");
		assertThat(deploymentStatus(sandbox)).isEqualTo("HEALTHY");
		assertThatExceptionOfType(SandboxFileNotFoundException.class)
			.isThrownBy(() -> sandbox.files().readString("/root/notes.txt"));
		assertThat(sandbox.processes().list()).extracting(ProcessInfo::id).doesNotContain(server.id());
		sandbox.delete();
	}

	@Test
	void sandboxDeletedAfterItsSleepBetweenTwoCallsSaysItIsGone() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder()
			.name("deleted-asleep")
			.idleTimeout(Duration.ofMinutes(5))
			.deleteAfterInactivity(Duration.ofMinutes(2))
			.build());
		advanceUntil(() -> deploymentStatus(sandbox).equals("SLEEPING"));
		advanceUntil(() -> service(sandbox).status().equals("DELETED"));

		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> sandbox.exec("true"))
			.withMessage("POST /run found nothing (HTTP 404): No sandbox is routed by this key");
		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> this.template.get(sandbox.id()))
			.withMessage("Sandbox " + sandbox.id() + " is DELETED");
		assertThat(emulator.storedSandboxes()).isEmpty();
	}

	/**
	 * Move time a minute at a time until a condition holds: the emulator counts idle time from
	 * the end of a sandbox's last request, which it may record just after the client has its answer.
	 */
	private static void advanceUntil(Callable<Boolean> condition) {
		await().until(() -> {
			clock.advance(Duration.ofMinutes(1));
			return condition.call();
		});
	}

	private static String deploymentStatus(Sandbox sandbox) {
		return service(sandbox).deploymentStatus();
	}

	private static ServiceView service(Sandbox sandbox) {
		return emulator.get().services().stream().filter((service) -> service.id().equals(sandbox.id())).findFirst()
			.orElseThrow();
	}

}

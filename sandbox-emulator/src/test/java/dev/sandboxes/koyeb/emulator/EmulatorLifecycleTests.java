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


package dev.sandboxes.koyeb.emulator;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxLifecycle;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Server-side lifecycle, checked in seconds with lifecycle time running 600 times faster than
 * real time: a minute lasts 0.1 s, five minutes 0.5 s.
 */
class EmulatorLifecycleTests {

	private static final long TIME_SCALE = 600;

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator
		.configured((builder) -> builder.timeScale(TIME_SCALE));

	private static SandboxTemplate template;

	@BeforeAll
	static void start() {
		template = emulator.template();
	}


	@Test
	void deletedOnceTheDelayAfterCreationHasPassed() {
		Sandbox sandbox = template.create(SandboxSpec.builder()
			.name("short-lived")
			.idleTimeout(Duration.ZERO)
			.deleteAfter(Duration.ofMinutes(10))
			.build());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service(sandbox).status()).isEqualTo("DELETED"));
		assertThat(emulator.get().apps()).filteredOn((app) -> app.id().equals(sandbox.appId()))
			.singleElement()
			.satisfies((app) -> assertThat(app.status()).isEqualTo("DELETED"));
	}

	@Test
	void sleepsWhenIdleAndWakesInItsInitialState() {
		try (Sandbox sandbox = template.create(SandboxSpec.builder()
			.name("sleepy")
			.idleTimeout(Duration.ofMinutes(5))
			.configFile("/root/.config/tool.conf", "part of the initial state")
			.build())) {
			sandbox.files().write("/tmp/scratch.txt", "gone after sleep");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(service(sandbox).deploymentStatus()).isEqualTo("SLEEPING"));
			assertThat(service(sandbox).status()).isEqualTo("HEALTHY");
			assertThat(sandbox.exec("ls /tmp").stdout()).isEmpty();
			assertThat(sandbox.files().readString("/root/.config/tool.conf")).isEqualTo("part of the initial state");
			assertThat(service(sandbox).deploymentStatus()).isEqualTo("HEALTHY");
		}
	}

	@Test
	void deletedAfterSleepingTooLong() {
		Sandbox sandbox = template.create(SandboxSpec.builder()
			.name("forgotten")
			.idleTimeout(Duration.ofMinutes(5))
			.deleteAfterInactivity(Duration.ofMinutes(10))
			.build());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(service(sandbox).deploymentStatus()).isEqualTo("SLEEPING"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service(sandbox).status()).isEqualTo("DELETED"));
	}

	@Test
	void extendingTheLifetimeKeepsTheSandboxAndItsState() throws InterruptedException {
		try (Sandbox sandbox = template.create(SandboxSpec.builder()
			.name("extended")
			.idleTimeout(Duration.ZERO)
			.deleteAfter(Duration.ofMinutes(20))
			.build())) {
			sandbox.files().write("/tmp/state.txt", "still here");
			sandbox.processes().start("sleep 600");
			sandbox.updateLifecycle(SandboxLifecycle.deleteAfter(Duration.ofHours(24)));
			Thread.sleep(Duration.ofMinutes(30).toMillis() / TIME_SCALE);
			assertThat(service(sandbox).status()).isEqualTo("HEALTHY");
			assertThat(sandbox.files().readString("/tmp/state.txt")).isEqualTo("still here");
			assertThat(sandbox.processes().list()).singleElement()
				.satisfies((process) -> assertThat(process.command()).isEqualTo("sleep 600"));
		}
	}

	private static ServiceView service(Sandbox sandbox) {
		return emulator.get().services()
			.stream()
			.filter((service) -> service.id().equals(sandbox.id()))
			.findFirst()
			.orElseThrow();
	}

}

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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaper;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaperAutoConfiguration;
import dev.sandboxes.koyeb.emulator.Fault;
import dev.sandboxes.koyeb.emulator.controlplane.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter's reaper, running every second, against an emulator that fails its lists or its
 * deletions for a while: every failing run is counted, the reaper keeps running, and once the
 * faults stop its next runs delete what was due.
 */
@Timeout(120)
class ReaperFaultTests {

	private static final SandboxSpec NEVER_SLEEPS = SandboxSpec.builder().idleTimeout(Duration.ZERO).build();

	private static final MutableClock clock = new MutableClock();

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain((builder) -> builder.clock(clock));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class, SandboxReaperAutoConfiguration.class))
		.withBean(SandboxConnectionDetails.class, ReaperFaultTests::connectionDetails)
		.withPropertyValues("spring.application.name=reaper-faults", "koyeb.sandbox.reaper.interval=1s",
				"koyeb.sandbox.reaper.max-age=10m", "koyeb.sandbox.request-timeout=1s");

	@AfterEach
	void clearFaults() {
		emulator.get().faults().clear();
	}

	@Test
	void reaperOutlivesRunsThatCannotListAndCatchesUpAfterwards() {
		outlivesFailingRunsAndCatchesUp(Fault.on("GET", "/v1/services").respond(503).always());
	}

	@Test
	void reaperRetriesDeletionsThatFailedInItsNextRuns() {
		outlivesFailingRunsAndCatchesUp(Fault.on("DELETE", "/v1/services/").respond(500).always());
	}

	private void outlivesFailingRunsAndCatchesUp(Fault fault) {
		this.contextRunner.run((context) -> {
			SandboxTemplate template = context.getBean(SandboxTemplate.class);
			List<Sandbox> due = List.of(template.create(NEVER_SLEEPS), template.create(NEVER_SLEEPS));
			emulator.get().faults().inject(fault);
			clock.advance(Duration.ofMinutes(11));
			SandboxReaper reaper = context.getBean(SandboxReaper.class);
			await().until(() -> reaper.failures() >= 2);
			assertThat(reaper.isRunning()).isTrue();
			assertThat(live(due)).hasSize(2);

			emulator.get().faults().clear();
			await().until(() -> live(due).isEmpty() && emulator.liveApps().isEmpty());
			long failures = reaper.failures();
			long runs = reaper.runs();
			await().until(() -> reaper.runs() >= runs + 2);
			assertThat(reaper.failures()).isEqualTo(failures);
		});
	}

	private static List<String> live(List<Sandbox> sandboxes) {
		List<String> ids = sandboxes.stream().map(Sandbox::id).toList();
		return emulator.liveServices().stream().map((service) -> service.id()).filter(ids::contains).toList();
	}

	private static SandboxConnectionDetails connectionDetails() {
		return new SandboxConnectionDetails() {

			@Override
			public URI getBaseUrl() {
				return URI.create(emulator.baseUrl());
			}

			@Override
			public String getApiToken() {
				return RunningEmulator.API_TOKEN;
			}

			@Override
			public boolean isEmulator() {
				return true;
			}

			@Override
			public Clock getClock() {
				return clock;
			}

		};
	}

}

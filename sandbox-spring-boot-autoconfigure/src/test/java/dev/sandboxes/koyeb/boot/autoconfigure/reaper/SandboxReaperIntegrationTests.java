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
package dev.sandboxes.koyeb.boot.autoconfigure.reaper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.ExternalEmulator;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxInventory;
import dev.sandboxes.koyeb.emulator.controlplane.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests of {@link SandboxReaper} and {@link SandboxShutdownCleanup} on an
 * emulator whose clock, shared with the application, only moves when the test moves it.
 */
class SandboxReaperIntegrationTests {

	private static final SandboxSpec NEVER_SLEEPS = SandboxSpec.builder().idleTimeout(Duration.ZERO).build();

	private final MutableClock clock = new MutableClock();

	private ExternalEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = new ExternalEmulator(this.clock, Duration.ZERO);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	private ApplicationContextRunner contextRunner(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class, SandboxReaperAutoConfiguration.class))
			.withBean(SandboxConnectionDetails.class, this.emulator::connectionDetails)
			.withPropertyValues("spring.application.name=reaper-test", "koyeb.sandbox.reaper.interval=1h")
			.withPropertyValues(properties);
	}

	@Test
	void reaperDeletesAnOwnedSandboxPastItsMaxAgeAndLeavesFreshAndForeignOnesAlone() {
		contextRunner("koyeb.sandbox.reaper.max-age=20m").run((context) -> {
			SandboxTemplate template = context.getBean(SandboxTemplate.class);
			Sandbox old = template.create(NEVER_SLEEPS);
			Sandbox foreign = this.emulator.template("someone-else").create(NEVER_SLEEPS);
			this.clock.advance(Duration.ofMinutes(21));
			Sandbox fresh = template.create(NEVER_SLEEPS);
			SandboxReaper.ReaperRun run = context.getBean(SandboxReaper.class).reap();
			assertThat(run.listed()).isEqualTo(2);
			assertThat(run.deleted()).containsExactly(old.id());
			assertThat(run.failed()).isEmpty();
			assertThat(this.emulator.exists(old.id())).isFalse();
			assertThat(this.emulator.exists(fresh.id())).isTrue();
			assertThat(this.emulator.exists(foreign.id())).isTrue();
			assertThat(context.getBean(SandboxInventory.class).deletedCount(DeletionReason.MAX_AGE)).isOne();
		});
	}

	@Test
	void reaperDeletesASandboxThisInstanceLeftIdleAndKeepsOneInUse() {
		contextRunner("koyeb.sandbox.reaper.max-idle=20m").run((context) -> {
			SandboxTemplate template = context.getBean(SandboxTemplate.class);
			Sandbox idle = template.create(NEVER_SLEEPS);
			Sandbox busy = template.create(NEVER_SLEEPS);
			idle.exec("true");
			this.clock.advance(Duration.ofMinutes(21));
			busy.exec("true");
			SandboxReaper.ReaperRun run = context.getBean(SandboxReaper.class).reap();
			assertThat(run.deleted()).containsExactly(idle.id());
			assertThat(this.emulator.exists(busy.id())).isTrue();
			assertThat(context.getBean(SandboxInventory.class).deletedCount(DeletionReason.IDLE)).isOne();
		});
	}

	@Test
	void sandboxRunningACommandIsNeverIdle() {
		contextRunner("koyeb.sandbox.reaper.max-idle=20m").run((context) -> {
			Sandbox sandbox = context.getBean(SandboxTemplate.class).create(NEVER_SLEEPS);
			SandboxInventory inventory = context.getBean(SandboxInventory.class);
			this.clock.advance(Duration.ofMinutes(5));
			CompletableFuture<ExecResult> command = CompletableFuture.supplyAsync(() -> sandbox.exec("sleep 2"));
			await().until(() -> Duration.ZERO.equals(inventory.idleTime(sandbox.id())));
			this.clock.advance(Duration.ofMinutes(30));
			assertThat(context.getBean(SandboxReaper.class).reap().deleted()).isEmpty();
			assertThat(command.join().exitCode()).isZero();
			this.clock.advance(Duration.ofMinutes(21));
			assertThat(context.getBean(SandboxReaper.class).reap().deleted()).containsExactly(sandbox.id());
		});
	}

	@Test
	void sandboxCreatedByAnotherInstanceIsNeverDeletedForIdleness() {
		ApplicationContextRunner runner = contextRunner("koyeb.sandbox.reaper.max-idle=20m");
		runner.run((creator) -> runner.run((user) -> {
			Sandbox sandbox = creator.getBean(SandboxTemplate.class).create(NEVER_SLEEPS);
			user.getBean(SandboxTemplate.class).get(sandbox.id()).exec("true");
			this.clock.advance(Duration.ofMinutes(21));
			assertThat(user.getBean(SandboxReaper.class).reap().deleted()).isEmpty();
			assertThat(this.emulator.exists(sandbox.id())).isTrue();
		}));
	}

	@Test
	void scheduledRunsReapWithoutBeingCalled() {
		contextRunner("koyeb.sandbox.reaper.max-age=10m", "koyeb.sandbox.reaper.interval=1s").run((context) -> {
			Sandbox sandbox = context.getBean(SandboxTemplate.class).create(NEVER_SLEEPS);
			this.clock.advance(Duration.ofMinutes(11));
			await().atMost(Duration.ofSeconds(20)).until(() -> !this.emulator.exists(sandbox.id()));
			assertThat(context.getBean(SandboxReaper.class).runs()).isPositive();
			assertThat(context.getBean(SandboxReaper.class).failures()).isZero();
		});
	}

	@Test
	void twoInstancesOfOneOwnerReapingTogetherRaiseNoError() {
		ApplicationContextRunner runner = contextRunner("koyeb.sandbox.reaper.max-age=20m");
		runner.run((first) -> runner.run((second) -> {
			SandboxTemplate template = first.getBean(SandboxTemplate.class);
			Sandbox one = template.create(NEVER_SLEEPS);
			Sandbox two = template.create(NEVER_SLEEPS);
			this.clock.advance(Duration.ofMinutes(21));
			SandboxReaper firstReaper = first.getBean(SandboxReaper.class);
			SandboxReaper secondReaper = second.getBean(SandboxReaper.class);
			CompletableFuture<SandboxReaper.ReaperRun> firstRun = CompletableFuture.supplyAsync(firstReaper::reap);
			CompletableFuture<SandboxReaper.ReaperRun> secondRun = CompletableFuture.supplyAsync(secondReaper::reap);
			assertThat(firstRun.join().failed()).isEmpty();
			assertThat(secondRun.join().failed()).isEmpty();
			assertThat(firstReaper.failures() + secondReaper.failures()).isZero();
			assertThat(this.emulator.exists(one.id())).isFalse();
			assertThat(this.emulator.exists(two.id())).isFalse();
			assertThatNoException()
				.isThrownBy(() -> second.getBean(OwnedSandboxes.class).delete(one.id(), DeletionReason.MAX_AGE));
		}));
	}

	@Test
	void deleteOnShutdownRemovesThisInstancesSandboxesOnly() {
		String[] kept = new String[1];
		String[] created = new String[2];
		ApplicationContextRunner runner = contextRunner();
		runner.run((other) -> {
			kept[0] = other.getBean(SandboxTemplate.class).create(NEVER_SLEEPS).id();
			runner.run((context) -> {
				SandboxTemplate template = context.getBean(SandboxTemplate.class);
				created[0] = template.create(NEVER_SLEEPS).id();
				created[1] = template.create(NEVER_SLEEPS).id();
				assertThat(context.getBean(OwnedSandboxes.class).list()).hasSize(3);
			});
			assertThat(this.emulator.exists(created[0])).isFalse();
			assertThat(this.emulator.exists(created[1])).isFalse();
			assertThat(this.emulator.exists(kept[0])).isTrue();
			other.getBean(SandboxTemplate.class).delete(kept[0]);
		});
		assertThat(this.emulator.services())
			.allSatisfy((service) -> assertThat(service.status()).isIn("DELETING", "DELETED"));
	}

	@Test
	void deleteOnShutdownRemovesASandboxStillBecomingReady() {
		this.emulator.close();
		this.emulator = new ExternalEmulator(this.clock, Duration.ofMillis(500));
		AtomicReference<CompletableFuture<Sandbox>> creation = new AtomicReference<>();
		contextRunner().run((context) -> {
			SandboxTemplate template = context.getBean(SandboxTemplate.class);
			creation.set(CompletableFuture.supplyAsync(() -> template.create(NEVER_SLEEPS)));
			await().until(() -> !this.emulator.services().isEmpty());
		});
		assertThat(this.emulator.services()).singleElement()
			.satisfies((service) -> assertThat(service.status()).isIn("DELETING", "DELETED"));
		assertThat(creation.get()).failsWithin(Duration.ofSeconds(30));
	}

	@Test
	void stoppingWithoutClosingDeletesNothing() {
		String[] id = new String[1];
		contextRunner().run((context) -> {
			id[0] = context.getBean(SandboxTemplate.class).create(NEVER_SLEEPS).id();
			context.stop();
			assertThat(this.emulator.exists(id[0])).isTrue();
			context.start();
		});
		assertThat(this.emulator.exists(id[0])).isFalse();
	}

	@Test
	void closingAStoppedContextDeletesItsSandboxesButClosingAChildContextDoesNot() {
		String[] id = new String[1];
		contextRunner().run((context) -> {
			id[0] = context.getBean(SandboxTemplate.class).create(NEVER_SLEEPS).id();
			try (AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext()) {
				child.setParent(context);
				child.refresh();
			}
			context.stop();
			assertThat(this.emulator.exists(id[0])).isTrue();
		});
		assertThat(this.emulator.exists(id[0])).isFalse();
	}

	@Test
	void deleteOnShutdownCanBeTurnedOff() {
		String[] id = new String[1];
		contextRunner("koyeb.sandbox.delete-on-shutdown=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SandboxShutdownCleanup.class);
			id[0] = context.getBean(SandboxTemplate.class).create(NEVER_SLEEPS).id();
		});
		assertThat(this.emulator.exists(id[0])).isTrue();
	}

}

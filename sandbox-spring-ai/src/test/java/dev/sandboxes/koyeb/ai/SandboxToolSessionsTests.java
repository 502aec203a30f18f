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

package dev.sandboxes.koyeb.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.emulator.controlplane.MutableClock;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SandboxToolSessions}: one sandbox per conversation, created once
 * however many calls race for it, and deleted when the conversation ends or goes idle.
 */
class SandboxToolSessionsTests {

	private final MutableClock clock = new MutableClock();

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private TestEmulator emulator;

	private SandboxToolSessions sessions;

	@BeforeEach
	void start() {
		// Each deployment status lasts a while, so that racing first calls overlap.
		this.emulator = new TestEmulator(Duration.ofMillis(300));
		this.sessions = new SandboxToolSessions(this.emulator.template(), SandboxSpec.builder().build(),
				"/workspace", Duration.ofMinutes(10), this.clock);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
		this.sessions.endAll();
		this.emulator.close();
	}

	@Test
	void simultaneousFirstCallsOfAConversationShareOneNewSandbox() {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(CompletableFuture.supplyAsync(() -> {
				release(go);
				return this.sessions.withSandbox("racing", Sandbox::id);
			}, this.executor));
		}
		go.countDown();
		Set<String> ids = calls.stream().map(CompletableFuture::join).collect(Collectors.toSet());
		assertThat(ids).hasSize(1);
		assertThat(this.emulator.allSandboxes()).singleElement()
			.satisfies((sandbox) -> assertThat(sandbox.id()).isEqualTo(ids.iterator().next()));
	}

	@Test
	void simultaneousFirstCallsOfDifferentConversationsGetASandboxEach() {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String conversation = "conversation-" + i;
			calls.add(CompletableFuture.supplyAsync(() -> {
				release(go);
				return this.sessions.withSandbox(conversation, Sandbox::id);
			}, this.executor));
		}
		go.countDown();
		assertThat(calls.stream().map(CompletableFuture::join).distinct()).hasSize(3);
		assertThat(this.emulator.liveSandboxes()).hasSize(3);
		assertThat(this.sessions.conversations()).containsExactlyInAnyOrder("conversation-0", "conversation-1",
				"conversation-2");
	}

	@Test
	void laterCallsReuseTheSandboxWithItsWorkingDirectory() {
		String first = this.sessions.withSandbox("reused", (sandbox) -> {
			sandbox.files().write("/workspace/kept.txt", "kept");
			return sandbox.id();
		});
		String second = this.sessions.withSandbox("reused", Sandbox::id);
		assertThat(second).isEqualTo(first);
		String content = this.sessions.withSandbox("reused",
				(sandbox) -> sandbox.files().readString("/workspace/kept.txt"));
		assertThat(content).isEqualTo("kept");
		assertThat(this.emulator.allSandboxes()).hasSize(1);
	}

	@Test
	void conversationIdlePastTheIdleTimeIsEndedAndItsSandboxDeleted() {
		this.sessions.withSandbox("idle", Sandbox::id);
		this.sessions.withSandbox("active", Sandbox::id);
		this.clock.advance(Duration.ofMinutes(6));
		this.sessions.withSandbox("active", Sandbox::id);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.sessions.endIdle()).isOne();
		assertThat(this.sessions.conversations()).containsExactly("active");
		assertThat(this.emulator.liveSandboxes()).hasSize(1);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.sessions.endIdle()).isOne();
		assertThat(this.emulator.liveSandboxes()).isEmpty();
		String deletedIds = this.emulator.allSandboxes().stream().map(ServiceView::id).collect(Collectors.joining());
		String newId = this.sessions.withSandbox("idle", Sandbox::id);
		assertThat(deletedIds).doesNotContain(newId);
		assertThat(this.emulator.liveSandboxes()).singleElement()
			.satisfies((sandbox) -> assertThat(sandbox.id()).isEqualTo(newId));
	}

	@Test
	void conversationWithACallInProgressIsNeverIdle() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<String> longCall = CompletableFuture.supplyAsync(
				() -> this.sessions.withSandbox("busy", (sandbox) -> {
					started.countDown();
					release(finish);
					return sandbox.id();
				}), this.executor);
		assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.sessions.endIdle()).isZero();
		finish.countDown();
		longCall.join();
		assertThat(this.sessions.endIdle()).isZero();
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.sessions.endIdle()).isOne();
	}

	@Test
	void endingAConversationWhileItsSandboxIsCreatedDeletesItOnceReady() {
		CompletableFuture<String> creating = CompletableFuture
			.supplyAsync(() -> this.sessions.withSandbox("short", Sandbox::id), this.executor);
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.emulator.allSandboxes().isEmpty());
		assertThat(creating).isNotDone();
		assertThat(this.sessions.end("short")).isTrue();
		creating.join();
		assertThat(this.emulator.liveSandboxes()).isEmpty();
		assertThat(this.sessions.conversations()).isEmpty();
		assertThat(this.sessions.end("short")).isFalse();
	}

	@Test
	void endingAllConversationsDeletesEverySandbox() {
		this.sessions.withSandbox("one", Sandbox::id);
		this.sessions.withSandbox("two", Sandbox::id);
		assertThat(this.sessions.endAll()).isEqualTo(2);
		assertThat(this.emulator.liveSandboxes()).isEmpty();
		assertThat(this.emulator.allSandboxes()).hasSize(2);
	}

	@Test
	void sandboxesStayAwakeUntilAnIdleCheckPastTheIdleTimeHasDeletedThem() {
		assertThat(this.sessions.checkInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.sessions.sleepDelay()).isEqualTo(Duration.ofMinutes(12));
		SandboxToolSessions brief = new SandboxToolSessions(this.emulator.template(), SandboxSpec.builder().build(),
				"/workspace", Duration.ofSeconds(2), this.clock);
		assertThat(brief.checkInterval()).isEqualTo(Duration.ofMillis(500));
		assertThat(brief.sleepDelay()).isEqualTo(Duration.ofMinutes(5));
		SandboxToolSessions longest = new SandboxToolSessions(this.emulator.template(), SandboxSpec.builder().build(),
				"/workspace", SandboxToolSessions.MAX_IDLE_TIME, this.clock);
		assertThat(longest.sleepDelay()).isEqualTo(Duration.ofHours(2));
	}

	private static void release(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not released within 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

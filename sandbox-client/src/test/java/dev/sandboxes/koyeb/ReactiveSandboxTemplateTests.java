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

package dev.sandboxes.koyeb;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveSandboxTemplate}: streaming and cleanup on completion, error and
 * cancellation.
 */
class ReactiveSandboxTemplateTests {

	private static final String THREE_LINES = "event: output\ndata: {\"data\":\"1\",\"stream\":\"stdout\"}\n\n"
			+ "event: output\ndata: {\"data\":\"2\",\"stream\":\"stdout\"}\n\n"
			+ "event: output\ndata: {\"data\":\"3\",\"stream\":\"stdout\"}\n\n"
			+ "event: complete\ndata: {\"code\":0,\"error\":false}\n\n";

	private FakeKoyeb koyeb;

	private ReactiveSandboxTemplate template;

	@BeforeEach
	void startKoyeb() throws Exception {
		this.koyeb = new FakeKoyeb();
		this.template = this.koyeb.templateBuilder().buildReactive();
	}

	@AfterEach
	void stopKoyeb() throws Exception {
		this.koyeb.close();
	}

	@Test
	void executeStreamsTheCallbacksEventsThenDeletesTheSandbox() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb.sse(THREE_LINES));
		Flux<ExecEvent> events = this.template.execute(SandboxSpec.builder().build(),
				(sandbox) -> sandbox.execStream("seq 3"));
		StepVerifier.create(events)
			.expectNext(new OutputLine(StreamType.STDOUT, "1"), new OutputLine(StreamType.STDOUT, "2"),
					new OutputLine(StreamType.STDOUT, "3"), new ExecCompleted(0))
			.verifyComplete();
		assertThat(this.koyeb.requestLines()).endsWith("DELETE /v1/apps/app-1");
	}

	@Test
	void executeDeletesTheSandboxWhenTheCallbackFails() {
		Flux<String> failing = this.template.execute(SandboxSpec.builder().build(),
				(sandbox) -> Flux.error(new IllegalStateException("callback failed")));
		StepVerifier.create(failing).expectErrorMessage("callback failed").verify();
		assertThat(this.koyeb.requestLines()).endsWith("DELETE /v1/apps/app-1");
	}

	@Test
	void executeDeletesTheSandboxWhenTheSubscriberCancels() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb.sse(THREE_LINES));
		StepVerifier.create(this.template.execute(SandboxSpec.builder().build(), (sandbox) -> sandbox.execStream("seq 3"))
			.take(1)).expectNextCount(1).verifyComplete();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.koyeb.requestLines()).contains("DELETE /v1/apps/app-1"));
	}

	@Test
	void cancellingCreationWhileWaitingForReadinessDeletesWhatWasCreated() {
		this.koyeb.deploymentStatuses("PROVISIONING");
		Disposable creation = this.template.create(SandboxSpec.builder().build()).subscribe();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.koyeb.requestLines()).contains("GET /v1/deployments/dep-1"));
		creation.dispose();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.koyeb.requestLines()).contains("DELETE /v1/apps/app-1"));
	}

	@Test
	void listMapsServicesToSandboxInfo() {
		this.koyeb.override("GET /v1/services", (request) -> FakeKoyeb.json(200,
				"{\"services\":[{\"id\":\"svc-1\",\"name\":\"build-42\",\"app_id\":\"app-1\",\"status\":\"HEALTHY\","
						+ "\"created_at\":\"2026-11-26T10:00:00Z\",\"life_cycle\":{\"delete_after_create\":\"3600\"}}],"
						+ "\"has_next\":false}"));
		StepVerifier.create(this.template.list()).assertNext((info) -> {
			assertThat(info.id()).isEqualTo("svc-1");
			assertThat(info.name()).isEqualTo("build-42");
			assertThat(info.status()).isEqualTo("HEALTHY");
			assertThat(info.lifecycle().deleteAfter()).isEqualTo(Duration.ofHours(1));
			assertThat(info.lifecycle().deleteAfterInactivity()).isZero();
		}).verifyComplete();
		assertThat(this.koyeb.requestLines()).containsExactly("GET /v1/services?types=SANDBOX&limit=100&offset=0");
	}

}

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of a template's owner, lifecycle caps and listeners.
 */
class SandboxOwnershipWireTests {

	private final List<String> events = new CopyOnWriteArrayList<>();

	private FakeKoyeb koyeb;

	private SandboxTemplate template;

	@BeforeEach
	void startKoyeb() throws Exception {
		this.koyeb = new FakeKoyeb();
		this.template = this.koyeb.templateBuilder()
			.owner(SandboxOwner.of("Orders Service"))
			.defaultLifecycle(new SandboxLifecycle(Duration.ofHours(1), Duration.ofMinutes(10)))
			.lifecycleCaps(new SandboxLifecycle(Duration.ofHours(2), Duration.ofMinutes(30)))
			.listener(new RecordingListener())
			.listener(new SandboxListener() {
				@Override
				public void operationStarted(String id) {
					throw new IllegalStateException("a failing listener must not fail the operation");
				}
			})
			.build();
	}

	@AfterEach
	void stopKoyeb() throws Exception {
		this.koyeb.close();
	}

	@Test
	void ownerTagStartsTheNameOfEveryCreatedSandbox() {
		this.template.create(SandboxSpec.builder().name("build-42").build());
		JsonNode named = FakeKoyeb.json(this.koyeb.request("POST /v1/services"));
		assertThat(named.path("definition").path("name").asString()).isEqualTo("orders-service--build-42");
		JsonNode app = FakeKoyeb.json(this.koyeb.request("POST /v1/apps"));
		assertThat(app.path("name").asString()).matches("sandbox-app-orders-service--build-42-\\d{10}-[a-z0-9]{6}");
	}

	@Test
	void generatedNameCarriesTheOwnerTagToo() {
		this.template.create(SandboxSpec.builder().build());
		JsonNode service = FakeKoyeb.json(this.koyeb.request("POST /v1/services"));
		String name = service.path("definition").path("name").asString();
		assertThat(name).matches("orders-service--[a-z0-9]{10}");
		assertThat(SandboxOwner.of("orders-service").owns(name)).isTrue();
	}

	@Test
	void templateImageIsUsedWhenTheSpecSetsNone() {
		SandboxTemplate python = this.koyeb.templateBuilder().image("python:3.12-slim").build();
		python.create(SandboxSpec.builder().build());
		python.create(SandboxSpec.ofImage("node:22"));
		assertThat(this.koyeb.requests("POST /v1/services"))
			.extracting((request) -> FakeKoyeb.json(request).path("definition").path("docker").path("image").asString())
			.containsExactly("python:3.12-slim", "node:22");
	}

	@Test
	void defaultLifecycleWithinTheCapsIsSent() {
		this.template.create(SandboxSpec.builder().idleTimeout(Duration.ofMinutes(5)).build());
		JsonNode lifeCycle = FakeKoyeb.json(this.koyeb.request("POST /v1/services")).path("life_cycle");
		assertThat(lifeCycle.path("delete_after_create").asLong()).isEqualTo(3600);
		assertThat(lifeCycle.path("delete_after_sleep").asLong()).isEqualTo(600);
	}

	@Test
	void specBeyondTheCapsIsRejectedBeforeAnyRequest() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().deleteAfter(Duration.ofHours(3)).build()))
			.withMessageContaining("Invalid deleteAfter 'PT3H'")
			.withMessageContaining("7200 s");
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().deleteAfter(Duration.ZERO).build()))
			.withMessageContaining("turning it off");
		assertThat(this.koyeb.requests()).isEmpty();
	}

	@Test
	void lifecycleChangesRespectTheCaps() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("build-42").build());
		int before = this.koyeb.requests().size();
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> sandbox.updateLifecycle(SandboxLifecycle.deleteAfter(Duration.ofHours(5))))
			.withMessageContaining("7200 s");
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> sandbox.extendLifetime(Duration.ofHours(3)))
			.withMessageContaining("may live at most 7200 s after its creation");
		assertThat(this.koyeb.requests().subList(before, this.koyeb.requests().size()))
			.allSatisfy((request) -> assertThat(request.getMethod()).isEqualTo("GET"));
	}

	@Test
	void listenersHearCreationOperationsAndDeletionButNotReads() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("build-42").build());
		sandbox.exec("echo hello");
		assertThat(this.events).as("finished before the result reaches the caller").endsWith("finished svc-1");
		sandbox.info();
		sandbox.isHealthy();
		sandbox.updateLifecycle(SandboxLifecycle.deleteAfter(Duration.ofMinutes(90)));
		sandbox.delete();
		this.template.delete("svc-9");
		assertThat(this.events).containsExactly("created svc-1 orders-service--build-42", "started svc-1",
				"finished svc-1", "started svc-1", "finished svc-1", "deleted svc-1", "deleted svc-9");
	}

	@Test
	void sandboxThatFailsToBecomeReadyIsReportedCreatedThenDeleted() {
		this.koyeb.deploymentStatuses("PENDING", "ERROR");
		assertThatExceptionOfType(SandboxDeploymentException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().name("build-42").build()));
		assertThat(this.events).containsExactly("created svc-1 orders-service--build-42", "deleted svc-1");
	}

	private final class RecordingListener implements SandboxListener {

		@Override
		public void created(String id, String name) {
			SandboxOwnershipWireTests.this.events.add("created " + id + " " + name);
		}

		@Override
		public void operationStarted(String id) {
			SandboxOwnershipWireTests.this.events.add("started " + id);
		}

		@Override
		public void operationFinished(String id) {
			SandboxOwnershipWireTests.this.events.add("finished " + id);
		}

		@Override
		public void deleted(String id) {
			SandboxOwnershipWireTests.this.events.add("deleted " + id);
		}

	}

}

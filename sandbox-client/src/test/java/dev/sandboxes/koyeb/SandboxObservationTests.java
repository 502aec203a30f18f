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

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@code koyeb.sandbox.operation} observations of the template.
 */
class SandboxObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private FakeKoyeb koyeb;

	private SandboxTemplate template;

	@BeforeEach
	void startKoyeb() throws Exception {
		this.koyeb = new FakeKoyeb();
		this.template = this.koyeb.templateBuilder().observationRegistry(this.registry).build();
	}

	@AfterEach
	void stopKoyeb() throws Exception {
		this.koyeb.close();
	}

	@Test
	void everyOperationIsObservedWithItsOutcomeAndSandboxId() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		sandbox.exec("echo hello");
		sandbox.delete();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("koyeb.sandbox.operation", 3)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("sandbox create")
				.hasLowCardinalityKeyValue("operation", "create")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("error.type", "none")
				.hasHighCardinalityKeyValue("koyeb.sandbox.id", FakeKoyeb.SERVICE_ID))
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "exec")
				.hasHighCardinalityKeyValue("koyeb.sandbox.id", FakeKoyeb.SERVICE_ID))
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "delete"));
	}

	@Test
	void aFailedOperationRecordsTheErrorType() {
		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> this.template.get("missing"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("koyeb.sandbox.operation")
			.hasLowCardinalityKeyValue("operation", "get")
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("error.type", "SandboxNotFoundException")
			.hasHighCardinalityKeyValue("koyeb.sandbox.id", "missing")
			.hasError();
	}

	@Test
	void aCancelledStreamIsRecordedAsCancelled() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb
			.sse("event: output\ndata: {\"data\":\"one\",\"stream\":\"stdout\"}\n\n"
					+ "event: output\ndata: {\"data\":\"two\",\"stream\":\"stdout\"}\n\n"
					+ "event: complete\ndata: {\"code\":0,\"error\":false}\n\n"));
		ReactiveSandbox sandbox = this.template.create(SandboxSpec.builder().build()).reactive();
		sandbox.execStream("seq 2").take(1).blockLast();
		assertThat(this.registry).hasAnObservation((observation) -> observation
			.hasLowCardinalityKeyValue("operation", "exec.stream")
			.hasLowCardinalityKeyValue("outcome", "CANCELLED"));
	}

}

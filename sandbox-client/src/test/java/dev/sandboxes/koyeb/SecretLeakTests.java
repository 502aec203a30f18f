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
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs full create, exec, file, lifecycle and delete cycles, successful and failing, with
 * every logger at TRACE, and checks that neither the API token nor the sandbox secret
 * appears in any log line, exception, {@code toString()} or observation.
 */
class SecretLeakTests {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final List<String> observed = new ArrayList<>();

	private final List<String> secrets = new ArrayList<>();

	private Level previousLevel;

	private FakeKoyeb koyeb;

	@BeforeEach
	void captureAllLogs() throws Exception {
		Logger root = rootLogger();
		this.previousLevel = root.getLevel();
		root.setLevel(Level.TRACE);
		this.appender.start();
		root.addAppender(this.appender);
		this.koyeb = new FakeKoyeb();
	}

	@AfterEach
	void restoreLogs() throws Exception {
		Logger root = rootLogger();
		root.detachAppender(this.appender);
		root.setLevel(this.previousLevel);
		this.koyeb.close();
	}

	@Test
	void noSecretInLogsExceptionsToStringsOrObservations() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				SecretLeakTests.this.observed.add(context.getContextualName() + " "
						+ context.getLowCardinalityKeyValues() + " " + context.getHighCardinalityKeyValues() + " "
						+ context.getError());
			}
		});
		SandboxTemplateBuilder builder = this.koyeb.templateBuilder().observationRegistry(registry);
		this.observed.add(builder.toString());
		SandboxTemplate template = builder.build();
		this.observed.add(template.toString());
		this.observed.add(template.reactive().toString());

		Sandbox sandbox = template.create(SandboxSpec.builder().env("CI", "true").build());
		this.observed.add(sandbox.toString());
		this.observed.add(sandbox.reactive().toString());
		this.observed.add(sandbox.exec(ExecSpec.of("echo hello").env("TOKEN_NAME", "x")).toString());
		this.observed.add(sandbox.info().toString());
		sandbox.updateLifecycle(SandboxLifecycle.deleteAfter(Duration.ofHours(1)));
		Sandbox reconnected = template.get(sandbox.id());
		this.observed.add(reconnected.toString());

		this.koyeb.override("POST /koyeb-sandbox/run", (request) -> FakeKoyeb.json(401, "Unauthorized\n"));
		captureFailure(() -> sandbox.exec("echo hello"));
		this.koyeb.override("POST /koyeb-sandbox/read_file", (request) -> FakeKoyeb.json(200,
				"{\"error\":\"open /x: no such file or directory\"}"));
		captureFailure(() -> sandbox.files().readString("/x"));
		this.koyeb.override("GET /v1/deployments/dep-1", (request) -> FakeKoyeb.json(400,
				"{\"status\":400,\"message\":\"bad request with token " + FakeKoyeb.API_TOKEN + "\"}"));
		captureFailure(() -> template.get("svc-1"));
		this.koyeb.override("GET /v1/services/svc-1", (request) -> FakeKoyeb.json(401,
				"{\"status\":401,\"code\":\"unauthenticated\",\"message\":\"bad token " + FakeKoyeb.API_TOKEN + "\"}"));
		captureFailure(() -> template.get("svc-1"));
		this.koyeb.override("POST /v1/services", (request) -> {
			String body = request.getBody().utf8();
			this.secrets.add(FakeKoyeb.json(request).path("definition").path("env").path(0).path("value").asString());
			return FakeKoyeb.json(400, "{\"status\":400,\"message\":\"invalid env " + body.replace("\"", "'") + "\"}");
		});
		captureFailure(() -> template.create(SandboxSpec.builder().build()));
		sandbox.delete();

		List<ILoggingEvent> events;
		synchronized (this.appender) {
			events = List.copyOf(this.appender.list);
		}
		events.forEach((event) -> {
			this.observed.add(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				this.observed.add(event.getThrowableProxy().getMessage());
			}
		});

		assertThat(events).isNotEmpty();
		this.secrets.add(FakeKoyeb.API_TOKEN);
		this.secrets.add(this.koyeb.sandboxSecret());
		assertThat(this.secrets).hasSize(3).allSatisfy((secret) -> assertThat(secret).hasSizeGreaterThan(20));
		assertThat(this.observed).anySatisfy((text) -> assertThat(text).contains("invalid env"))
			.anySatisfy((text) -> assertThat(text).contains("bad request with token ******"));
		for (String secret : this.secrets) {
			assertThat(this.observed).noneMatch((text) -> text != null && text.contains(secret));
		}
	}

	private void captureFailure(Runnable action) {
		try {
			action.run();
			throw new AssertionError("Expected a failure");
		}
		catch (SandboxException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				this.observed.add(t.toString());
				for (Throwable suppressed : t.getSuppressed()) {
					this.observed.add(suppressed.toString());
				}
				if (t instanceof SandboxServiceException serviceException) {
					this.observed.add(serviceException.getResponseBody());
				}
			}
		}
	}

	private static Logger rootLogger() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}

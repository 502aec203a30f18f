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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Injected faults reach clients over real HTTP, as many times as asked, and never outlive
 * {@link EmulatorFaults#clear()}.
 */
class EmulatorFaultTests {

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator.withDefaults();

	private static RawHttp.RawSandbox sandbox;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		sandbox = new RawHttp(emulator.baseUrl()).createSandbox("faults", "fault-secret");
	}


	@AfterEach
	void clearFaults() {
		emulator.get().faults().clear();
	}

	@Test
	void errorStatusesAsManyTimesAsAskedInKoyebsShape() {
		emulator.get().faults().inject(Fault.on("GET", "/v1/services/").respond(503).times(2));
		RawHttp api = new RawHttp(emulator.baseUrl());
		for (int i = 0; i < 2; i++) {
			RawHttp.Reply reply = api.api("GET", "/v1/services/" + sandbox.serviceId(), null);
			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.json().get("status").asInt()).isEqualTo(503);
			assertThat(reply.json().get("code").asString()).isEqualTo("injected_fault");
		}
		assertThat(api.api("GET", "/v1/services/" + sandbox.serviceId(), null).status()).isEqualTo(200);
		assertThat(emulator.get().faults().remaining()).isZero();
	}

	@Test
	void rateLimitCarriesRetryAfter() throws Exception {
		emulator.get().faults().inject(Fault.on("*", "/koyeb-sandbox/run").respond(429).retryAfter(Duration.ofSeconds(2)));
		HttpResponse<String> reply = this.http.send(run("echo hi"), HttpResponse.BodyHandlers.ofString());
		assertThat(reply.statusCode()).isEqualTo(429);
		assertThat(reply.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.http.send(run("echo hi"), HttpResponse.BodyHandlers.ofString()).body())
			.isEqualTo("{\"stdout\":\"hi\\n\",\"stderr\":\"\",\"code\":0}\n");
	}

	@Test
	void delayHoldsTheRequestBack() throws Exception {
		emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run").delay(Duration.ofMillis(400)));
		long start = System.nanoTime();
		HttpResponse<String> reply = this.http.send(run("echo late"), HttpResponse.BodyHandlers.ofString());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(reply.body()).contains("late");
	}

	@Test
	void droppedConnectionGetsNoAnswer() {
		emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run").dropConnection());
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.http.send(run("echo never"), HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void streamCutMidWayEndsWithoutCompletionAndEndsTheCommand() throws Exception {
		String marker = "cut-" + UUID.randomUUID();
		emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run_streaming").dropAfter(60));
		HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.executorBase() + "/run_streaming"))
			.headers("X-Routing-Key", sandbox.routingKey(), "Authorization", "Bearer " + sandbox.secret())
			.POST(HttpRequest.BodyPublishers.ofString(RawHttp.JSON.writeValueAsString(Map.of("cmd",
					"for i in 1 2 3 4 5; do echo line $i; done; sh -c 'sleep 300; true' " + marker))))
			.build();
		HttpResponse<InputStream> reply = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		StringBuilder received = new StringBuilder();
		try (InputStream body = reply.body()) {
			byte[] buffer = new byte[1024];
			int read;
			while ((read = body.read(buffer)) != -1) {
				received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// The cut may surface as an error of the chunked body.
		}
		assertThat(received.length()).isEqualTo(60);
		assertThat(received).startsWith("event: output").doesNotContain("event: complete");
		await().untilAsserted(() -> assertThat(EmulatorCleanupTests.processesMentioning(marker)).isEmpty());
	}

	@Test
	void dropAfterNoBytesClosesTheConnectionOnceTheRequestIsHandled() {
		String name = "dropped-answer";
		emulator.get().faults().inject(Fault.on("POST", "/v1/apps").dropAfter(0));
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/apps"))
			.headers("Content-Type", "application/json", "Authorization", "Bearer any-token")
			.timeout(Duration.ofSeconds(5))
			.POST(HttpRequest.BodyPublishers.ofString(RawHttp.JSON.writeValueAsString(Map.of("name", name))))
			.build();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.isNotInstanceOf(HttpTimeoutException.class);
		assertThat(emulator.get().apps()).extracting("name").contains(name);
	}

	@Test
	void dropAfterExactlyTheWholeBodyStillClosesTheConnection() throws Exception {
		String answer = this.http.send(run("echo whole"), HttpResponse.BodyHandlers.ofString()).body();
		emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run").dropAfter(answer.length()));
		HttpRequest request = HttpRequest.newBuilder(run("echo whole"), (name, value) -> true)
			.timeout(Duration.ofSeconds(5))
			.build();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.isNotInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void clientRetriesIdempotentCallsAndNeverMakesUpAnExitCode() {
		SandboxTemplate template = emulator.template();
		emulator.get().faults().inject(Fault.on("GET", "/v1/services/" + sandbox.serviceId()).respond(503).times(2));
		Sandbox again = template.get(sandbox.serviceId());
		assertThat(emulator.get().faults().remaining()).isZero();
		emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run_streaming").dropAfter(40));
		List<ExecEvent> events = new CopyOnWriteArrayList<>();
		assertThatExceptionOfType(SandboxConnectionException.class)
			.isThrownBy(() -> again.reactive()
				.execStream(ExecSpec.of("echo one; echo two; sleep 5"))
				.doOnNext(events::add)
				.blockLast(Duration.ofSeconds(30)))
			.withMessageStartingWith("POST /run_streaming failed");
		assertThat(events).noneMatch(ExecCompleted.class::isInstance);
	}

	private HttpRequest run(String command) {
		return HttpRequest.newBuilder(URI.create(sandbox.executorBase() + "/run"))
			.headers("X-Routing-Key", sandbox.routingKey(), "Authorization", "Bearer " + sandbox.secret())
			.POST(HttpRequest.BodyPublishers.ofString(RawHttp.JSON.writeValueAsString(Map.of("cmd", command))))
			.build();
	}

}

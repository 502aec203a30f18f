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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxRateLimitException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.StreamType;
import dev.sandboxes.koyeb.emulator.EmulatorFaults;
import dev.sandboxes.koyeb.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The client against the emulator's injected faults, over real HTTP: idempotent calls recover
 * within their deadline, non-idempotent ones fail with a typed exception and are never silently
 * repeated, a stream cut mid-way never reports an exit code, and a creation that fails leaves no
 * app or service behind.
 */
@Timeout(120)
class FaultInjectionTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	private static SandboxTemplate template;

	private static Sandbox sandbox;

	@BeforeAll
	static void createSandbox() {
		template = emulator.templateBuilder()
			.requestTimeout(REQUEST_TIMEOUT)
			.readyTimeout(Duration.ofSeconds(3))
			.execTimeout(REQUEST_TIMEOUT)
			.build();
		sandbox = template.create(SandboxSpec.builder().name("faults").build());
	}

	@AfterEach
	void clearFaults() {
		faults().clear();
	}

	private static EmulatorFaults faults() {
		return emulator.get().faults();
	}

	@Test
	void serverErrorBurstsOnIdempotentCallsAreRetriedWithinTheDeadline() {
		faults().inject(Fault.on("GET", "/v1/services/" + sandbox.id()).respond(503).times(3))
			.inject(Fault.on("GET", "/v1/deployments/").respond(500).times(2))
			.inject(Fault.on("POST", "/koyeb-sandbox/read_file").respond(502).times(3));
		sandbox.files().write("/tmp/kept.txt", "kept");
		Sandbox again = template.get(sandbox.id());
		assertThat(again.files().readString("/tmp/kept.txt")).isEqualTo("kept");
		assertThat(faults().remaining()).isZero();
	}

	@Test
	void serverErrorOnACommandFailsWithTheStatusAndIsNotRepeated() {
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run").respond(503).times(2));
		assertThatExceptionOfType(SandboxServiceException.class).isThrownBy(() -> sandbox.exec("touch /tmp/ran"))
			.withMessage("POST /run failed with HTTP 503: Injected fault: Service Unavailable")
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		assertThat(faults().remaining()).isOne();
	}

	@Test
	void serverErrorOnAppCreationFailsTheCreationWithoutRepeatingIt() {
		faults().inject(Fault.on("POST", "/v1/apps").respond(500).times(2));
		assertThatExceptionOfType(SandboxServiceException.class)
			.isThrownBy(() -> template.create(SandboxSpec.builder().name("no-app").build()))
			.withMessageStartingWith("POST /v1/apps failed with HTTP 500: {\"status\":500,\"code\":\"injected_fault\"");
		assertThat(faults().remaining()).isOne();
	}

	@Test
	void rateLimitedCallsWaitForRetryAfterAndThenSucceed() {
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run").respond(429).retryAfter(Duration.ofSeconds(1)))
			.inject(Fault.on("POST", "/v1/apps").respond(429).retryAfter(Duration.ofSeconds(1)));
		long start = System.nanoTime();
		assertThat(sandbox.exec("echo once").stdout()).isEqualTo("once\n");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		template.create(SandboxSpec.builder().name("after-rate-limit").build()).delete();
		assertThat(faults().remaining()).isZero();
	}

	@Test
	void rateLimitBeyondTheDeadlineFailsAtOnceWithTheWaitAnnounced() {
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run").respond(429).retryAfter(Duration.ofMinutes(2)));
		assertThatExceptionOfType(SandboxRateLimitException.class).isThrownBy(() -> sandbox.exec("true"))
			.withMessage("POST /run was rate limited (HTTP 429): Injected fault: Too Many Requests")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(2)));
	}

	@Test
	void latencySpikeOnAnIdempotentCallIsAbandonedAndRetriedWithinTheDeadline() {
		faults().inject(Fault.on("GET", "/v1/services/" + sandbox.id()).delay(REQUEST_TIMEOUT.multipliedBy(2)));
		assertThat(template.get(sandbox.id()).id()).isEqualTo(sandbox.id());
		assertThat(faults().remaining()).isZero();
	}

	@Test
	void latencySpikeBeyondACommandsDeadlineFailsWithATimeoutNamingIt() {
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run").delay(Duration.ofSeconds(3)));
		assertThatExceptionOfType(SandboxTimeoutException.class)
			.isThrownBy(() -> sandbox.exec(ExecSpec.of("true").timeout(Duration.ofSeconds(1))))
			.withMessage("Sandbox operation 'POST /run' did not complete within PT1S");
		assertThat(sandbox.exec("echo next").stdout()).isEqualTo("next\n");
	}

	@Test
	void droppedConnectionOnAnIdempotentCallIsRetried() {
		faults().inject(Fault.on("GET", "/v1/services").dropConnection().times(2));
		assertThat(template.list()).extracting("id").contains(sandbox.id());
		assertThat(faults().remaining()).isZero();
	}

	@Test
	void droppedConnectionOnACommandFailsWithAConnectionErrorAndIsNotRepeated() {
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run").dropConnection().times(2));
		assertThatExceptionOfType(SandboxConnectionException.class).isThrownBy(() -> sandbox.exec("true"))
			.withMessageStartingWith("POST /run failed: ");
		assertThat(faults().remaining()).isOne();
	}

	@Test
	void streamCutMidWayFailsWithoutAnExitCode() {
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run_streaming").dropAfter(90));
		List<ExecEvent> events = new CopyOnWriteArrayList<>();
		StepVerifier.create(sandbox.reactive()
			.execStream(ExecSpec.of("for i in 1 2 3 4 5 6; do echo line $i; done; sleep 30"))
			.doOnNext(events::add))
			.thenConsumeWhile((event) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SandboxConnectionException.class)
				.hasMessageStartingWith("POST /run_streaming failed"))
			.verify(REQUEST_TIMEOUT);
		assertThat(events).isNotEmpty()
			.allSatisfy((event) -> assertThat(event).isInstanceOf(OutputLine.class))
			.noneMatch(ExecCompleted.class::isInstance);
		List<OutputLine> lines = new CopyOnWriteArrayList<>();
		faults().inject(Fault.on("POST", "/koyeb-sandbox/run_streaming").dropAfter(90));
		assertThatExceptionOfType(SandboxConnectionException.class)
			.isThrownBy(() -> sandbox.exec(ExecSpec.of("for i in 1 2 3 4 5 6; do echo line $i; done; sleep 30"),
					lines::add));
		assertThat(lines).first().isEqualTo(new OutputLine(StreamType.STDOUT, "line 1"));
	}

	@Test
	void processLogStreamCutMidWayFailsWithAConnectionError() {
		ProcessInfo process = sandbox.processes().start("for i in 1 2 3 4 5 6; do echo log $i; done; sleep 30");
		faults().inject(Fault.on("GET", "/koyeb-sandbox/process_logs_streaming").dropAfter(60));
		assertThatExceptionOfType(SandboxConnectionException.class)
			.isThrownBy(() -> sandbox.processes().logs(process.id(), REQUEST_TIMEOUT, (line) -> {
			}))
			.withMessageStartingWith("GET /process_logs_streaming failed");
		sandbox.processes().kill(process.id());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failedCreations")
	void failedCreationLeavesNoAppOrServiceBehind(String description, List<Fault> injected,
			Class<? extends SandboxException> failure, Duration requestStillDelayed) {
		injected.forEach(faults()::inject);
		assertThatExceptionOfType(failure)
			.isThrownBy(() -> template.create(SandboxSpec.builder().name("doomed").build()));
		faults().clear();
		await().atMost(requestStillDelayed.plusSeconds(10))
			.during(requestStillDelayed)
			.untilAsserted(() -> {
				assertThat(emulator.liveServices()).extracting("name").doesNotContain("doomed");
				assertThat(emulator.liveApps()).extracting("name")
					.noneMatch((name) -> name.toString().contains("doomed"));
			});
	}

	@Test
	void creationCancelledWhileItsAppIsBeingCreatedLeavesNoAppBehind() {
		faults().inject(Fault.on("POST", "/v1/apps").delay(Duration.ofSeconds(1)));
		Disposable creation = template.reactive()
			.create(SandboxSpec.builder().name("cancelled-app").build())
			.subscribe(null, (ex) -> {
			});
		await().until(() -> faults().remaining() == 0);
		creation.dispose();
		await().atMost(Duration.ofSeconds(10))
			.during(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(emulator.liveApps()).extracting("name")
				.noneMatch((name) -> name.toString().contains("cancelled-app")));
		assertThat(emulator.get().apps()).extracting("name")
			.anyMatch((name) -> name.toString().contains("cancelled-app"));
	}

	static Stream<Arguments> failedCreations() {
		Function<Fault, List<Fault>> afterDryRun = (fault) -> List.of(Fault.on("POST", "/v1/services"), fault);
		Duration late = Duration.ofSeconds(2);
		return Stream.of(
				arguments("app creation answered 500", List.of(Fault.on("POST", "/v1/apps").respond(500)),
						SandboxServiceException.class, Duration.ZERO),
				// The app exists, but the client never learns its id: it finds it by its name.
				arguments("app created, answer lost", List.of(Fault.on("POST", "/v1/apps").dropAfter(0)),
						SandboxConnectionException.class, Duration.ZERO),
				arguments("service creation answered 500",
						afterDryRun.apply(Fault.on("POST", "/v1/services").respond(500)), SandboxServiceException.class,
						Duration.ZERO),
				arguments("service creation's connection dropped",
						afterDryRun.apply(Fault.on("POST", "/v1/services").dropConnection()),
						SandboxConnectionException.class, Duration.ZERO),
				// The emulator handles the request once the client has given up on it: it must not leave
				// a service in an app that the client's clean-up deleted meanwhile.
				arguments("service creation slower than its deadline",
						afterDryRun.apply(Fault.on("POST", "/v1/services").delay(REQUEST_TIMEOUT.plus(late))),
						SandboxTimeoutException.class, late.plusSeconds(1)),
				arguments("deployment never readable",
						List.of(Fault.on("GET", "/v1/deployments/").respond(503).always()), SandboxServiceException.class,
						Duration.ZERO),
				arguments("executor never healthy",
						List.of(Fault.on("GET", "/koyeb-sandbox/health").respond(503).always()),
						SandboxTimeoutException.class, Duration.ZERO));
	}

}

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

package dev.sandboxes.koyeb.executor;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.StreamType;
import dev.sandboxes.koyeb.transport.TestExchanges;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static dev.sandboxes.koyeb.executor.ExecutorClientVectorTests.ROUTING_KEY;
import static dev.sandboxes.koyeb.executor.ExecutorClientVectorTests.SECRET;
import static dev.sandboxes.koyeb.executor.ExecutorClientVectorTests.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests of {@link ExecutorClient} beyond the recorded exchanges: retries, deadlines,
 * broken streams and validation.
 */
class ExecutorClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String OUTPUT_EVENT = "event: output\ndata: {\"data\":\"one\",\"stream\":\"stdout\"}\n\n";

	private static final RunRequest ECHO = new RunRequest("echo one", null, null);

	private MockWebServer server;

	private ExecutorClient client;

	private ExecutorEndpoint endpoint;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
		this.client = new ExecutorClient(TestExchanges.create(), TIMEOUT);
		this.endpoint = new ExecutorEndpoint(this.server.url("/koyeb-sandbox").uri(), ROUTING_KEY, SECRET);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void idempotentCallIsRetriedAfterServerError() {
		this.server.enqueue(text(503, "executor busy"));
		this.server.enqueue(json(200, "{\"entries\":[\"a\"]}"));
		assertThat(this.client.listDir(this.endpoint, "/tmp").block(TIMEOUT)).containsExactly("a");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void runIsNotRetriedAfterServerError() {
		this.server.enqueue(text(503, "executor busy"));
		this.server.enqueue(json(200, "{\"stdout\":\"one\\n\",\"stderr\":\"\",\"code\":0}"));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.run(this.endpoint, ECHO, TIMEOUT).block(TIMEOUT));
		assertThat(ex.getStatusCode()).isEqualTo(503);
		assertThat(ex.getResponseBody()).isEqualTo("executor busy");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void runPastItsTimeoutFailsQuickly() {
		this.server.enqueue(new MockResponse.Builder(json(200, "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}"))
			.headersDelay(1, TimeUnit.SECONDS)
			.build());
		Duration timeout = Duration.ofMillis(200);
		long start = System.nanoTime();
		SandboxTimeoutException ex = failure(SandboxTimeoutException.class,
				() -> this.client.run(this.endpoint, ECHO, timeout).block(TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		assertThat(ex.getTimeout()).isEqualTo(timeout);
		assertThat(ex.getOperation()).isEqualTo("POST /run");
	}

	@Test
	void runWithoutExitCodeFails() {
		this.server.enqueue(json(200, "{\"stdout\":\"\",\"stderr\":\"\"}"));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.run(this.endpoint, ECHO, TIMEOUT).block(TIMEOUT));
		assertThat(ex).hasMessage("POST /run returned no 'code'");
	}

	@Test
	void runMeasuresItsDuration() {
		this.server.enqueue(new MockResponse.Builder(json(200, "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}"))
			.headersDelay(100, TimeUnit.MILLISECONDS)
			.build());
		ExecResult result = this.client.run(this.endpoint, ECHO, TIMEOUT).block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	@Test
	void errorBodyQuotingTheSecretIsRedacted() {
		this.server.enqueue(text(500, "bad token " + SECRET));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.run(this.endpoint, ECHO, TIMEOUT).block(TIMEOUT));
		assertThat(ex.getResponseBody()).isEqualTo("bad token ******");
	}

	@Test
	void emptySecretRedactsNothing() {
		this.endpoint = new ExecutorEndpoint(this.endpoint.baseUrl(), null, "");
		this.server.enqueue(text(500, "boom"));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.run(this.endpoint, ECHO, TIMEOUT).block(TIMEOUT));
		assertThat(ex.getResponseBody()).isEqualTo("boom");
	}

	@Test
	void unreachableExecutorFailsWithConnectionError() {
		this.server.close();
		failure(SandboxConnectionException.class, () -> this.client.run(this.endpoint, ECHO, TIMEOUT).block(TIMEOUT));
	}

	@Test
	void streamEndingBeforeCompleteFails() {
		this.server.enqueue(eventStream(OUTPUT_EVENT + "event: complete\ndata: {\"code\":0}"));
		StepVerifier.create(this.client.runStreaming(this.endpoint, ECHO))
			.expectNext(new OutputLine(StreamType.STDOUT, "one"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(SandboxConnectionException.class)
					.hasMessage("POST /run_streaming failed: the stream ended before the command completed");
				assertNoSecret(ex, SECRET);
			})
			.verify(TIMEOUT);
	}

	@Test
	void droppedConnectionFailsTheStream() {
		String body = OUTPUT_EVENT.repeat(200) + "event: complete\ndata: {\"code\":0,\"error\":false}\n\n";
		this.server.enqueue(new MockResponse.Builder(eventStream(body))
			.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
			.build());
		List<Object> received = new ArrayList<>();
		StepVerifier.create(this.client.runStreaming(this.endpoint, ECHO).doOnNext(received::add))
			.thenConsumeWhile((event) -> event instanceof OutputLine)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SandboxConnectionException.class)
				.hasMessageContaining("POST /run_streaming failed")
				.hasMessageContaining("prematurely closed"))
			.verify(TIMEOUT);
		assertThat(received).noneMatch(ExecCompleted.class::isInstance);
	}

	@Test
	void errorEventFailsTheStream() {
		this.server.enqueue(eventStream("event: error\ndata: {\"error\": \"Failed to start command\"}\n\n"));
		StepVerifier.create(this.client.runStreaming(this.endpoint, ECHO))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(SandboxServiceException.class)
					.hasMessage("POST /run_streaming failed: Failed to start command");
				assertThat(((SandboxServiceException) ex).getStatusCode()).isEqualTo(200);
				assertThat(((SandboxServiceException) ex).getResponseBody()).isEqualTo("Failed to start command");
			})
			.verify(TIMEOUT);
	}

	@Test
	void streamIgnoresCommentsUnknownEventsAndWhatFollowsComplete() {
		this.server.enqueue(eventStream((":keepalive\n\nevent: progress\ndata: {\"percent\":5}\n\n" + OUTPUT_EVENT
				+ "event: complete\ndata: {\"code\":0,\"error\":false}\n\n" + OUTPUT_EVENT)
			.replace("\n", "\r\n")));
		StepVerifier.create(this.client.runStreaming(this.endpoint, ECHO))
			.expectNext(new OutputLine(StreamType.STDOUT, "one"), new ExecCompleted(0))
			.verifyComplete();
	}

	@Test
	void streamingRequestAcceptsEventStreams() throws Exception {
		this.server.enqueue(eventStream("event: complete\ndata: {\"code\":0,\"error\":false}\n\n"));
		StepVerifier.create(this.client.runStreaming(this.endpoint, ECHO))
			.expectNext(new ExecCompleted(0))
			.verifyComplete();
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
	}

	@Test
	void overLongEventLineFailsTheStream() {
		String hugeLine = "data: " + "x".repeat(ServerSentEventDecoder.DEFAULT_MAX_BYTES) + "\n\n";
		this.server.enqueue(eventStream(hugeLine));
		StepVerifier.create(this.client.runStreaming(this.endpoint, ECHO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SandboxServiceException.class)
				.hasMessageContaining("POST /run_streaming failed")
				.hasMessageContaining("line longer than 4194304 bytes"))
			.verify(TIMEOUT);
	}

	@Test
	void processLogsEndingBeforeCompleteFail() {
		this.server.enqueue(eventStream("event: log\ndata: {\"timestamp\":\"2026-11-26T09:58:39+02:00\","
				+ "\"stream\":\"stderr\",\"data\":\"x\"}\n\n"));
		StepVerifier.create(this.client.processLogs(this.endpoint, "p1"))
			.assertNext((line) -> {
				assertThat(line.stream()).isEqualTo(StreamType.STDERR);
				assertThat(line.timestamp()).hasToString("2026-11-26T07:58:39Z");
			})
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SandboxConnectionException.class)
				.hasMessage("GET /process_logs_streaming failed: the stream ended before the process log was complete"))
			.verify(TIMEOUT);
	}

	@Test
	void processLogsWithOtherErrorFail() {
		this.server.enqueue(eventStream("event: error\ndata: {\"error\": \"boom\"}\n\n"));
		StepVerifier.create(this.client.processLogs(this.endpoint, "p1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(SandboxServiceException.class)
				.hasMessage("GET /process_logs_streaming failed: boom"))
			.verify(TIMEOUT);
	}

	@Test
	void processLogsEncodeTheProcessId() throws Exception {
		this.server.enqueue(eventStream("event: complete\ndata: {\"message\": \"stream ended\"}\n\n"));
		StepVerifier.create(this.client.processLogs(this.endpoint, "a b&c/ü")).verifyComplete();
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getTarget()).isEqualTo("/koyeb-sandbox/process_logs_streaming?id=a+b%26c%2F%C3%BC");
		assertThat(request.getUrl().queryParameter("id")).isEqualTo("a b&c/ü");
	}

	@Test
	void bindPortRejectsPortsOutOfRangeBeforeAnyCall() {
		for (int port : new int[] { -1, 0, 65536 }) {
			InvalidSandboxSpecException ex = failure(InvalidSandboxSpecException.class,
					() -> this.client.bindPort(this.endpoint, port).block(TIMEOUT));
			assertThat(ex.getField()).isEqualTo("port");
			assertThat(ex.getValue()).isEqualTo(Integer.toString(port));
		}
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void bindPortAcceptsTheWholeRange() throws Exception {
		for (int port : new int[] { 1, 65535 }) {
			this.server.enqueue(json(200, "{\"message\":\"Port binding configured\",\"port\":\"" + port
					+ "\",\"success\":true}"));
			assertThat(this.client.bindPort(this.endpoint, port).block(TIMEOUT)).isEqualTo(port);
		}
	}

	@Test
	void bindPortReportedFailureFails() {
		this.server.enqueue(json(200, "{\"success\":false,\"error\":\"proxy unavailable\"}"));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.bindPort(this.endpoint, 8080).block(TIMEOUT));
		assertThat(ex).hasMessage("POST /bind_port failed: proxy unavailable");
		assertThat(ex.getStatusCode()).isEqualTo(200);
	}

	@Test
	void unbindPortReportedFailureFails() {
		this.server.enqueue(json(200, "{\"success\":false}"));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.unbindPort(this.endpoint).block(TIMEOUT));
		assertThat(ex).hasMessage("POST /unbind_port failed: success=false without an error");
	}

	@Test
	void killOfStoppedProcessFails() {
		this.server.enqueue(json(400, "{\"success\":false,\"error\":\"process is not running (status: killed)\"}"));
		SandboxServiceException ex = failure(SandboxServiceException.class,
				() -> this.client.killProcess(this.endpoint, "p1").block(TIMEOUT));
		assertThat(ex).isNotInstanceOf(SandboxNotFoundException.class);
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex).hasMessageContaining("process is not running");
	}

	@Test
	void healthIsFalseWhenTheExecutorKeepsFailing() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return text(503, "starting");
			}

		});
		assertThat(this.client.isHealthy(this.endpoint).block(TIMEOUT)).isFalse();
	}

	@Test
	void healthIsFalseForAnotherStatusOrBody() {
		this.server.enqueue(json(200, "{\"status\":\"starting\"}"));
		this.server.enqueue(json(200, "not json"));
		this.server.enqueue(json(200, "{}"));
		this.server.enqueue(text(401, "Unauthorized"));
		for (int i = 0; i < 4; i++) {
			assertThat(this.client.isHealthy(this.endpoint).block(TIMEOUT)).isFalse();
		}
	}

	@Test
	void healthAcceptsReadyStatuses() {
		for (String status : List.of("OK", "healthy", "Ready")) {
			this.server.enqueue(json(200, "{\"status\":\"" + status + "\"}"));
			assertThat(this.client.isHealthy(this.endpoint).block(TIMEOUT)).as(status).isTrue();
		}
	}

	@Test
	void healthIsFalseWhenUnreachable() {
		this.server.close();
		assertThat(this.client.isHealthy(this.endpoint).block(TIMEOUT)).isFalse();
	}

	@Test
	void baseUrlMayEndWithSlash() throws Exception {
		this.endpoint = new ExecutorEndpoint(URI.create(this.endpoint.baseUrl() + "/"), null, SECRET);
		this.server.enqueue(json(200, "{\"processes\":[]}"));
		assertThat(this.client.listProcesses(this.endpoint).block(TIMEOUT)).isEmpty();
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getTarget()).isEqualTo("/koyeb-sandbox/list_processes");
		assertThat(request.getHeaders().get("X-Routing-Key")).isNull();
	}

	@Test
	void endpointDoesNotShowTheSecret() {
		assertThat(this.endpoint.toString()).doesNotContain(SECRET).contains(ROUTING_KEY);
	}

	private static <E extends SandboxException> E failure(Class<E> type, Runnable call) {
		E ex = catchThrowableOfType(type, call::run);
		assertThat(ex).isNotNull();
		assertNoSecret(ex, SECRET);
		return ex;
	}

	private static MockResponse text(int status, String body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "text/plain; charset=utf-8")
			.body(body)
			.build();
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse eventStream(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
	}

}

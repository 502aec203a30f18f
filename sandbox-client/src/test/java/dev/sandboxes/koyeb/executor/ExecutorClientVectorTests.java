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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.ProcessLogLine;
import dev.sandboxes.koyeb.ProcessStatus;
import dev.sandboxes.koyeb.SandboxAuthenticationException;
import dev.sandboxes.koyeb.SandboxDirectoryNotEmptyException;
import dev.sandboxes.koyeb.SandboxFileException;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.StreamType;
import dev.sandboxes.koyeb.executor.ExecutorVectors.Exchange;
import dev.sandboxes.koyeb.transport.JsonSupport;
import dev.sandboxes.koyeb.transport.TestExchanges;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Wire tests of {@link ExecutorClient}, replaying the exchanges recorded against Koyeb's
 * executor: each test answers with the recorded response and checks that the client
 * sent the recorded request and mapped the response.
 */
class ExecutorClientVectorTests {

	static final String SECRET = "s3cr3t-of-the-sandbox-0123";

	static final String WRONG_SECRET = "wr0ng-s3cr3t-4567";

	static final String ROUTING_KEY = "routing-key-89";

	/**
	 * What the placeholders of the recorded {@code Authorization} headers stand for.
	 */
	private static final Map<String, String> SECRETS = Map.of("<sandbox-secret>", SECRET, "wrong", WRONG_SECRET);

	/**
	 * Exchanges a client cannot send: it only sends valid JSON, always authenticates,
	 * uses the right method, sends the process id and checks the port before calling.
	 */
	private static final Set<String> NOT_SENDABLE = Set.of("run with invalid JSON", "run without Authorization",
			"start_process with GET", "process_logs_streaming without id", "bind_port with an empty port");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
	void everyRecordedExchangeIsReplayedOrCannotBeSent() {
		assertThat(ExecutorVectors.names()).containsAll(NOT_SENDABLE);
		Set<String> covered = new TreeSet<>(ExecutorVectors.names());
		covered.removeAll(NOT_SENDABLE);
		// Each name below is replayed by a test of this class.
		assertThat(covered).containsExactlyInAnyOrder("health", "run echo", "run stdout and stderr, exit 3",
				"run with cwd and env", "run with a missing cwd", "run with an empty cmd", "run with a wrong secret",
				"run of an unknown command", "run with invalid UTF-8 output", "run_streaming",
				"run_streaming with a missing cwd", "make_dir (nested)", "make_dir of an existing dir", "write_file",
				"write_file with a missing parent", "write_file of an empty file", "read_file",
				"read_file of an empty file", "read_file of a missing file", "read_file of a directory", "list_dir",
				"list_dir of an empty dir", "list_dir of a missing dir", "delete_file of a non-empty dir",
				"delete_file of a missing file", "delete_file", "delete_dir of a missing dir", "bind_port",
				"bind_port again", "unbind_port", "start_process", "start_process with an empty cmd",
				"start_process with a missing cwd", "start_process (long)", "list_processes",
				"process_logs_streaming of a finished process", "process_logs_streaming of an unknown id",
				"kill_process", "kill_process of a killed process", "kill_process of an unknown id",
				"list_processes after kill");
	}

	@Test
	void health() {
		assertThat(call("health", this.client.isHealthy(this.endpoint))).isTrue();
	}

	@Test
	void healthWithoutRoutingKey() {
		this.endpoint = new ExecutorEndpoint(this.endpoint.baseUrl(), null, SECRET);
		assertThat(call("health", this.client.isHealthy(this.endpoint))).isTrue();
	}

	@Test
	void runEcho() {
		ExecResult result = call("run echo", this.client.run(this.endpoint, run("echo hello"), TIMEOUT));
		assertThat(result.stdout()).isEqualTo("hello\n");
		assertThat(result.stderr()).isEmpty();
		assertThat(result.exitCode()).isZero();
		assertThat(result.duration()).isPositive();
	}

	@Test
	void runWithoutRoutingKey() {
		this.endpoint = new ExecutorEndpoint(this.endpoint.baseUrl(), null, SECRET);
		assertThat(call("run echo", this.client.run(this.endpoint, run("echo hello"), TIMEOUT)).stdout())
			.isEqualTo("hello\n");
	}

	@Test
	void runWithNonZeroExit() {
		ExecResult result = call("run stdout and stderr, exit 3",
				this.client.run(this.endpoint, run("echo out; echo err 1>&2; exit 3"), TIMEOUT));
		assertThat(result).extracting(ExecResult::stdout, ExecResult::stderr, ExecResult::exitCode)
			.containsExactly("out\n", "err\n", 3);
	}

	@Test
	void runWithCwdAndEnv() {
		RunRequest request = new RunRequest("pwd; echo $GREETING", "/tmp", Map.of("GREETING", "hi"));
		ExecResult result = call("run with cwd and env", this.client.run(this.endpoint, request, TIMEOUT));
		assertThat(result.stdout()).isEqualTo("/tmp\nhi\n");
	}

	@Test
	void runWithMissingCwd() {
		InvalidSandboxSpecException ex = failure("run with a missing cwd", InvalidSandboxSpecException.class,
				this.client.run(this.endpoint, new RunRequest("pwd", "/no/such/dir", null), TIMEOUT));
		assertInvalidCwd(ex, "/no/such/dir");
	}

	@Test
	void runWithEmptyCmd() {
		assertThat(call("run with an empty cmd", this.client.run(this.endpoint, run(""), TIMEOUT)).exitCode())
			.isZero();
	}

	@Test
	void runWithWrongSecret() {
		this.endpoint = new ExecutorEndpoint(this.endpoint.baseUrl(), ROUTING_KEY, WRONG_SECRET);
		SandboxAuthenticationException ex = failure("run with a wrong secret", SandboxAuthenticationException.class,
				this.client.run(this.endpoint, run("echo x"), TIMEOUT));
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex).hasMessageContaining(this.endpoint.baseUrl().toString()).hasMessageContaining("POST /run");
		assertNoSecret(ex, WRONG_SECRET);
	}

	@Test
	void runOfUnknownCommand() {
		ExecResult result = call("run of an unknown command",
				this.client.run(this.endpoint, run("no-such-command-xyz"), TIMEOUT));
		assertThat(result.exitCode()).isEqualTo(127);
		assertThat(result.stderr()).isEqualTo("sh: 1: no-such-command-xyz: not found\n");
	}

	@Test
	void runWithInvalidUtf8Output() {
		assertThat(call("run with invalid UTF-8 output",
				this.client.run(this.endpoint, run("printf 'a\\377b'"), TIMEOUT))
			.stdout()).isEqualTo("a\uFFFDb");
	}

	@Test
	void runStreaming() {
		List<ExecEvent> events = stream("run_streaming", this.client.runStreaming(this.endpoint,
				run("echo one; echo two 1>&2; printf partial; exit 2")));
		assertThat(events).containsExactly(new OutputLine(StreamType.STDERR, "two"),
				new OutputLine(StreamType.STDOUT, "one"), new OutputLine(StreamType.STDOUT, "partial"),
				new ExecCompleted(2));
	}

	@Test
	void runStreamingWithMissingCwd() {
		RunRequest request = new RunRequest("pwd", "/no/such/dir", null);
		InvalidSandboxSpecException ex = failure("run_streaming with a missing cwd",
				InvalidSandboxSpecException.class, this.client.runStreaming(this.endpoint, request).then());
		assertInvalidCwd(ex, "/no/such/dir");
	}

	@Test
	void makeDir() {
		call("make_dir (nested)", this.client.makeDir(this.endpoint, "/tmp/vec-root/a/b"));
		call("make_dir of an existing dir", this.client.makeDir(this.endpoint, "/tmp/vec-root/a/b"));
	}

	@Test
	void writeFile() {
		call("write_file", this.client.writeFile(this.endpoint, "/tmp/vec-root/a/f.txt", "line1\nline2\n"));
		call("write_file of an empty file",
				this.client.writeFile(this.endpoint, "/tmp/vec-root/a/empty.txt", ""));
	}

	@Test
	void writeFileWithMissingParent() {
		SandboxFileNotFoundException ex = failure("write_file with a missing parent",
				SandboxFileNotFoundException.class,
				this.client.writeFile(this.endpoint, "/tmp/vec-root/missing/f.txt", "x"));
		assertFileFailure(ex, "/tmp/vec-root/missing/f.txt",
				"open /tmp/vec-root/missing/f.txt: no such file or directory");
	}

	@Test
	void readFile() {
		assertThat(call("read_file", this.client.readFile(this.endpoint, "/tmp/vec-root/a/f.txt")))
			.isEqualTo("line1\nline2\n");
		assertThat(call("read_file of an empty file",
				this.client.readFile(this.endpoint, "/tmp/vec-root/a/empty.txt")))
			.isEmpty();
	}

	@Test
	void readFileFailures() {
		SandboxFileNotFoundException missing = failure("read_file of a missing file",
				SandboxFileNotFoundException.class,
				this.client.readFile(this.endpoint, "/tmp/vec-root/a/missing.txt"));
		assertFileFailure(missing, "/tmp/vec-root/a/missing.txt",
				"open /tmp/vec-root/a/missing.txt: no such file or directory");
		SandboxFileException directory = failure("read_file of a directory", SandboxFileException.class,
				this.client.readFile(this.endpoint, "/tmp/vec-root/a"));
		assertThat(directory).isExactlyInstanceOf(SandboxFileException.class);
		assertFileFailure(directory, "/tmp/vec-root/a", "read /tmp/vec-root/a: is a directory");
	}

	@Test
	void listDir() {
		assertThat(call("list_dir", this.client.listDir(this.endpoint, "/tmp/vec-root/a")))
			.containsExactly("b", "empty.txt", "f.txt");
		assertThat(call("list_dir of an empty dir", this.client.listDir(this.endpoint, "/tmp/vec-root/a/b")))
			.isEmpty();
		SandboxFileNotFoundException ex = failure("list_dir of a missing dir", SandboxFileNotFoundException.class,
				this.client.listDir(this.endpoint, "/tmp/vec-root/zzz"));
		assertFileFailure(ex, "/tmp/vec-root/zzz", "open /tmp/vec-root/zzz: no such file or directory");
	}

	@Test
	void deleteFile() {
		SandboxDirectoryNotEmptyException notEmpty = failure("delete_file of a non-empty dir",
				SandboxDirectoryNotEmptyException.class,
				this.client.deleteFile(this.endpoint, "/tmp/vec-root/a"));
		assertFileFailure(notEmpty, "/tmp/vec-root/a", "remove /tmp/vec-root/a: directory not empty");
		SandboxFileNotFoundException missing = failure("delete_file of a missing file",
				SandboxFileNotFoundException.class,
				this.client.deleteFile(this.endpoint, "/tmp/vec-root/a/missing.txt"));
		assertFileFailure(missing, "/tmp/vec-root/a/missing.txt",
				"remove /tmp/vec-root/a/missing.txt: no such file or directory");
		call("delete_file", this.client.deleteFile(this.endpoint, "/tmp/vec-root/a/empty.txt"));
	}

	@Test
	void deleteDir() {
		call("delete_dir of a missing dir", this.client.deleteDir(this.endpoint, "/tmp/vec-root/zzz"));
	}

	@Test
	void bindPort() {
		assertThat(call("bind_port", this.client.bindPort(this.endpoint, 8000))).isEqualTo(8000);
	}

	@Test
	void bindPortWhenAnotherIsBound() {
		SandboxServiceException ex = failure("bind_port again", SandboxServiceException.class,
				this.client.bindPort(this.endpoint, 8001));
		assertThat(ex.getStatusCode()).isEqualTo(409);
		assertThat(ex).hasMessage("POST /bind_port could not bind port 8001: port 8000 is already bound (HTTP 409)");
		assertThat(ex.getResponseBody()).contains("\"current_port\":\"8000\"");
	}

	@Test
	void unbindPort() {
		call("unbind_port", this.client.unbindPort(this.endpoint));
	}

	@Test
	void startProcess() {
		String command = "for i in 1 2 3; do echo tick $i; echo warn $i 1>&2; sleep 0.2; done";
		assertThat(call("start_process", this.client.startProcess(this.endpoint, run(command))))
			.isEqualTo(new ProcessInfo("9f98fed0-b21d-4bcf-aff0-0f6ef125063f", 3955, ProcessStatus.RUNNING, command));
		assertThat(call("start_process (long)", this.client.startProcess(this.endpoint, run("sleep 60"))))
			.isEqualTo(new ProcessInfo("b6f20756-2458-4e1a-b066-9f2401e25856", 3958, ProcessStatus.RUNNING,
					"sleep 60"));
	}

	@Test
	void startProcessWithEmptyCmd() {
		InvalidSandboxSpecException ex = failure("start_process with an empty cmd", InvalidSandboxSpecException.class,
				this.client.startProcess(this.endpoint, run("")));
		assertThat(ex.getField()).isEqualTo("cmd");
		assertThat(ex.getValue()).isEmpty();
	}

	@Test
	void startProcessWithMissingCwd() {
		InvalidSandboxSpecException ex = failure("start_process with a missing cwd",
				InvalidSandboxSpecException.class,
				this.client.startProcess(this.endpoint, new RunRequest("true", "/no/such", null)));
		assertInvalidCwd(ex, "/no/such");
	}

	@Test
	void listProcesses() {
		String loop = "for i in 1 2 3; do echo tick $i; echo warn $i 1>&2; sleep 0.2; done";
		assertThat(call("list_processes", this.client.listProcesses(this.endpoint))).containsExactly(
				new ProcessInfo("b6f20756-2458-4e1a-b066-9f2401e25856", 3958, ProcessStatus.RUNNING, "sleep 60"),
				new ProcessInfo("9f98fed0-b21d-4bcf-aff0-0f6ef125063f", 3955, ProcessStatus.COMPLETED, loop));
		assertThat(call("list_processes after kill", this.client.listProcesses(this.endpoint))).containsExactly(
				new ProcessInfo("9f98fed0-b21d-4bcf-aff0-0f6ef125063f", 3955, ProcessStatus.COMPLETED, loop),
				new ProcessInfo("b6f20756-2458-4e1a-b066-9f2401e25856", 3958, ProcessStatus.KILLED, "sleep 60"));
	}

	@Test
	void processLogs() {
		List<ProcessLogLine> lines = stream("process_logs_streaming of a finished process",
				this.client.processLogs(this.endpoint, "9f98fed0-b21d-4bcf-aff0-0f6ef125063f"));
		assertThat(lines).hasSize(6);
		assertThat(lines).extracting(ProcessLogLine::text)
			.containsExactly("tick 1", "tick 2", "tick 3", "warn 1", "warn 2", "warn 3");
		assertThat(lines).extracting(ProcessLogLine::stream)
			.containsExactly(StreamType.STDOUT, StreamType.STDOUT, StreamType.STDOUT, StreamType.STDERR,
					StreamType.STDERR, StreamType.STDERR);
		assertThat(lines.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-26T09:58:39.030752222Z"));
		assertThat(lines.get(3).timestamp()).isEqualTo(Instant.parse("2026-11-26T09:58:39.030704240Z"));
	}

	@Test
	void processLogsOfUnknownProcess() {
		SandboxNotFoundException ex = failure("process_logs_streaming of an unknown id",
				SandboxNotFoundException.class, this.client.processLogs(this.endpoint, "nope").then());
		assertThat(ex).hasMessageContaining("process not found: nope");
	}

	@Test
	void killProcess() {
		call("kill_process", this.client.killProcess(this.endpoint, "b6f20756-2458-4e1a-b066-9f2401e25856"));
		call("kill_process of a killed process",
				this.client.killProcess(this.endpoint, "b6f20756-2458-4e1a-b066-9f2401e25856"));
	}

	@Test
	void killProcessOfUnknownProcess() {
		SandboxNotFoundException ex = failure("kill_process of an unknown id", SandboxNotFoundException.class,
				this.client.killProcess(this.endpoint, "nope"));
		assertThat(ex).hasMessage("POST /kill_process failed: process not found: nope");
	}

	private static RunRequest run(String cmd) {
		return new RunRequest(cmd, null, null);
	}

	private <T> @Nullable T call(String name, Mono<T> call) {
		Exchange exchange = replay(name);
		T result = call.block(TIMEOUT);
		assertSent(exchange);
		return result;
	}

	private <T> List<T> stream(String name, Flux<T> call) {
		Exchange exchange = replay(name);
		List<T> result = call.collectList().block(TIMEOUT);
		assertSent(exchange);
		assertThat(result).isNotNull();
		return result;
	}

	private <E extends Throwable> E failure(String name, Class<E> type, Mono<?> call) {
		Exchange exchange = replay(name);
		E ex = catchThrowableOfType(type, () -> call.block(TIMEOUT));
		assertThat(ex).as("failure of '%s'", name).isNotNull();
		assertSent(exchange);
		assertNoSecret(ex, SECRET);
		return ex;
	}

	private Exchange replay(String name) {
		Exchange exchange = ExecutorVectors.get(name);
		this.server.enqueue(new MockResponse.Builder().code(exchange.status())
			.setHeader("Content-Type", exchange.responseContentType())
			.body(exchange.responseBody())
			.build());
		return exchange;
	}

	private void assertSent(Exchange exchange) {
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo(exchange.method());
		assertThat(request.getTarget()).isEqualTo("/koyeb-sandbox" + exchange.path());
		String authorization = exchange.authorization();
		assertThat(request.getHeaders().get("Authorization"))
			.isEqualTo((authorization != null) ? "Bearer " + SECRETS.get(authorization.substring(7)) : null);
		assertThat(request.getHeaders().get("X-Routing-Key")).isEqualTo(this.endpoint.routingKey());
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo(exchange.contentType());
		ByteString body = request.getBody();
		if (exchange.body().isNull()) {
			assertThat((body != null) ? body.size() : 0).as("body size").isZero();
		}
		else {
			assertThat(body).isNotNull();
			assertThat(JsonSupport.mapper().readTree(body.utf8())).isEqualTo(exchange.body());
		}
	}

	private RecordedRequest takeRequest() {
		try {
			RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
			assertThat(request).as("recorded request").isNotNull();
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertInvalidCwd(InvalidSandboxSpecException ex, String cwd) {
		assertThat(ex.getField()).isEqualTo("cwd");
		assertThat(ex.getValue()).isEqualTo(cwd);
		assertThat(ex).hasMessageContaining("must be an existing directory in the sandbox");
	}

	private static void assertFileFailure(SandboxFileException ex, String path, String executorText) {
		assertThat(ex.getPath()).isEqualTo(path);
		assertThat(ex).hasMessageContaining(path).hasMessageContaining(executorText);
	}

	static void assertNoSecret(Throwable ex, String secret) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			assertThat(String.valueOf(current.getMessage())).doesNotContain(secret);
			assertThat(current.toString()).doesNotContain(secret);
			if (current instanceof SandboxServiceException serviceException) {
				assertThat(serviceException.getResponseBody()).doesNotContain(secret);
			}
		}
	}

}

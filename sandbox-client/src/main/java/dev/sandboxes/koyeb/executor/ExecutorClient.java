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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.ProcessLogLine;
import dev.sandboxes.koyeb.ProcessStatus;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxDirectoryNotEmptyException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxFileAlreadyExistsException;
import dev.sandboxes.koyeb.SandboxFileException;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.StreamType;
import dev.sandboxes.koyeb.executor.ExecutorWire.CompleteData;
import dev.sandboxes.koyeb.executor.ExecutorWire.HealthReply;
import dev.sandboxes.koyeb.executor.ExecutorWire.LineData;
import dev.sandboxes.koyeb.executor.ExecutorWire.PathBody;
import dev.sandboxes.koyeb.executor.ExecutorWire.PortBody;
import dev.sandboxes.koyeb.executor.ExecutorWire.ProcessIdBody;
import dev.sandboxes.koyeb.executor.ExecutorWire.ProcessListReply;
import dev.sandboxes.koyeb.executor.ExecutorWire.ProcessReply;
import dev.sandboxes.koyeb.executor.ExecutorWire.Reply;
import dev.sandboxes.koyeb.executor.ExecutorWire.RunReply;
import dev.sandboxes.koyeb.executor.ExecutorWire.WriteFileBody;
import dev.sandboxes.koyeb.transport.CallKind;
import dev.sandboxes.koyeb.transport.CallOptions;
import dev.sandboxes.koyeb.transport.HttpExchanges;
import dev.sandboxes.koyeb.transport.JsonSupport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Client of the executor API served inside every sandbox ({@code sandbox-executor}).
 * Every call goes to the endpoint's base URL with {@code Authorization: Bearer <secret>}
 * (except the health check) and, when the endpoint has one,
 * {@code X-Routing-Key}. Failures are {@link SandboxException}s, including the failures
 * the executor reports with a 2xx status; the secret never appears in their messages.
 *
 * @since 0.1.0
 */
public final class ExecutorClient {

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

	private static final Set<String> HEALTHY_STATUSES = Set.of("ok", "healthy", "ready");

	private static final String INVALID_CWD = "Invalid working directory:";

	private static final String COMMAND_REQUIRED = "Command is required";

	private static final String PROCESS_NOT_FOUND = "process not found";

	private final HttpExchanges http;

	private final Duration requestTimeout;

	private final ServerSentEventDecoder decoder = new ServerSentEventDecoder(ServerSentEventDecoder.DEFAULT_MAX_BYTES);

	/**
	 * Create a client.
	 * @param http the exchanges that send the requests
	 * @param requestTimeout the deadline of each call, retries included, except
	 * {@link #run run} which takes its own
	 */
	public ExecutorClient(HttpExchanges http, Duration requestTimeout) {
		this.http = http;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Check the executor's health within 5 seconds ({@code GET /health}, sent without the
	 * secret).
	 * @param endpoint the executor
	 * @return whether it answered 2xx with a status of {@code ok}, {@code healthy} or
	 * {@code ready}; {@code false} on any failure, never an error
	 */
	public Mono<Boolean> isHealthy(ExecutorEndpoint endpoint) {
		CallOptions options = options(endpoint, "GET /health", CallKind.IDEMPOTENT, HEALTH_TIMEOUT);
		return this.http.send(HttpMethod.GET, uri(endpoint, "/health"), (headers) -> route(endpoint, headers), null,
				options)
			.map((result) -> {
				String status = result.json(HealthReply.class, options.operation()).status();
				return status != null && HEALTHY_STATUSES.contains(status.toLowerCase(Locale.ROOT));
			})
			.onErrorReturn(false);
	}

	/**
	 * Run a command and wait for its whole output ({@code POST /run}). Never retried.
	 * @param endpoint the executor
	 * @param request the command
	 * @param timeout the deadline of the call
	 * @return the result, whatever the exit code; an {@link InvalidSandboxSpecException}
	 * when the working directory does not exist, a
	 * {@link dev.sandboxes.koyeb.SandboxTimeoutException} when the deadline expires
	 */
	public Mono<ExecResult> run(ExecutorEndpoint endpoint, RunRequest request, Duration timeout) {
		CallOptions options = options(endpoint, "POST /run", CallKind.NON_IDEMPOTENT, timeout);
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return this.http.send(HttpMethod.POST, uri(endpoint, "/run"), authenticated(endpoint), request, options)
				.map((result) -> {
					RunReply reply = result.json(RunReply.class, options.operation());
					int code = required(reply.code(), "code", options.operation(), result.status());
					return new ExecResult(orEmpty(reply.stdout()), orEmpty(reply.stderr()), code,
							Duration.ofNanos(System.nanoTime() - start));
				});
		}).onErrorMap(SandboxServiceException.class, (ex) -> rejectedCommand(ex, request));
	}

	/**
	 * Run a command and stream its output line by line ({@code POST /run_streaming}).
	 * Never retried; cancelling the subscription closes the stream, which makes the
	 * executor kill the command's shell.
	 * @param endpoint the executor
	 * @param request the command
	 * @return the lines, then one {@link ExecCompleted}; fails with a
	 * {@link SandboxConnectionException} if the stream ends before the command completed
	 */
	public Flux<ExecEvent> runStreaming(ExecutorEndpoint endpoint, RunRequest request) {
		CallOptions options = options(endpoint, "POST /run_streaming", CallKind.NON_IDEMPOTENT, this.requestTimeout);
		String operation = options.operation();
		return this.<ExecEvent>events(endpoint, HttpMethod.POST, "/run_streaming", request, options,
				"the command completed", (event, sink) -> {
					switch (event.event()) {
						case "output" -> {
							LineData line = data(event, LineData.class, operation);
							sink.next(new OutputLine(streamType(line.stream()), orEmpty(line.data())));
						}
						case "complete" -> {
							Integer code = data(event, CompleteData.class, operation).code();
							sink.next(new ExecCompleted(required(code, "code", operation, 200)));
							sink.complete();
						}
						case "error" -> sink.error(serviceFailure(operation, errorText(event)));
						default -> {
							// events this client does not know are ignored
						}
					}
				})
			.onErrorMap(SandboxServiceException.class, (ex) -> rejectedCommand(ex, request));
	}

	/**
	 * Write a text file ({@code POST /write_file}); its parent directory must exist.
	 * @param endpoint the executor
	 * @param path the path inside the sandbox
	 * @param content the text to write
	 * @return completion, or a {@link SandboxFileException}
	 */
	public Mono<Void> writeFile(ExecutorEndpoint endpoint, String path, String content) {
		return fileCall(endpoint, "/write_file", CallKind.IDEMPOTENT, path, new WriteFileBody(path, content)).then();
	}

	/**
	 * Read a text file ({@code POST /read_file}).
	 * @param endpoint the executor
	 * @param path the path inside the sandbox
	 * @return the content, empty for an empty file, or a {@link SandboxFileException}
	 */
	public Mono<String> readFile(ExecutorEndpoint endpoint, String path) {
		return fileCall(endpoint, "/read_file", CallKind.IDEMPOTENT, path, new PathBody(path))
			.map((reply) -> orEmpty(reply.content()));
	}

	/**
	 * List the names in a directory, not recursively ({@code POST /list_dir}).
	 * @param endpoint the executor
	 * @param path the directory inside the sandbox
	 * @return the names, empty for an empty directory, or a {@link SandboxFileException}
	 */
	public Mono<List<String>> listDir(ExecutorEndpoint endpoint, String path) {
		return fileCall(endpoint, "/list_dir", CallKind.IDEMPOTENT, path, new PathBody(path))
			.map((reply) -> List.copyOf(Objects.requireNonNullElse(reply.entries(), List.of())));
	}

	/**
	 * Create a directory and its missing parents ({@code POST /make_dir}); succeeds if it
	 * exists.
	 * @param endpoint the executor
	 * @param path the directory inside the sandbox
	 * @return completion, or a {@link SandboxFileException}
	 */
	public Mono<Void> makeDir(ExecutorEndpoint endpoint, String path) {
		return fileCall(endpoint, "/make_dir", CallKind.IDEMPOTENT, path, new PathBody(path)).then();
	}

	/**
	 * Delete a file or an empty directory ({@code POST /delete_file}).
	 * @param endpoint the executor
	 * @param path the path inside the sandbox
	 * @return completion, or a {@link SandboxFileException} such as
	 * {@link SandboxFileNotFoundException} or {@link SandboxDirectoryNotEmptyException}
	 */
	public Mono<Void> deleteFile(ExecutorEndpoint endpoint, String path) {
		return fileCall(endpoint, "/delete_file", CallKind.NON_IDEMPOTENT, path, new PathBody(path)).then();
	}

	/**
	 * Delete a directory and everything in it ({@code POST /delete_dir}); succeeds if it
	 * does not exist.
	 * @param endpoint the executor
	 * @param path the directory inside the sandbox
	 * @return completion, or a {@link SandboxFileException}
	 */
	public Mono<Void> deleteDir(ExecutorEndpoint endpoint, String path) {
		return fileCall(endpoint, "/delete_dir", CallKind.IDEMPOTENT, path, new PathBody(path)).then();
	}

	/**
	 * Forward the sandbox's exposed port to a local port ({@code POST /bind_port}). Only
	 * one port can be bound at a time.
	 * @param endpoint the executor
	 * @param port the port inside the sandbox, from 1 to 65535
	 * @return the bound port; an {@link InvalidSandboxSpecException} before any call for
	 * a port out of range, a {@link SandboxServiceException} with status 409 when another
	 * port is bound
	 */
	public Mono<Integer> bindPort(ExecutorEndpoint endpoint, int port) {
		if (port < 1 || port > 65535) {
			return Mono.error(new InvalidSandboxSpecException("port", port, "must be between 1 and 65535"));
		}
		String operation = "POST /bind_port";
		return reply(endpoint, "/bind_port", CallKind.NON_IDEMPOTENT, new PortBody(Integer.toString(port)),
				(failure) -> serviceFailure(operation, failure))
			.map((reply) -> boundPort(operation, required(reply.port(), "port", operation, 200)))
			.onErrorMap(SandboxServiceException.class, (ex) -> alreadyBound(ex, operation, port));
	}

	/**
	 * Remove the port binding ({@code POST /unbind_port}); succeeds if none exists.
	 * @param endpoint the executor
	 * @return completion
	 */
	public Mono<Void> unbindPort(ExecutorEndpoint endpoint) {
		String operation = "POST /unbind_port";
		return reply(endpoint, "/unbind_port", CallKind.IDEMPOTENT, Map.of(),
				(failure) -> serviceFailure(operation, failure))
			.then();
	}

	/**
	 * Start a background process ({@code POST /start_process}). Never retried after the
	 * request may have reached the executor.
	 * @param endpoint the executor
	 * @param request the command
	 * @return the started process; an {@link InvalidSandboxSpecException} for an empty
	 * command or a missing working directory
	 */
	public Mono<ProcessInfo> startProcess(ExecutorEndpoint endpoint, RunRequest request) {
		CallOptions options = options(endpoint, "POST /start_process", CallKind.NON_IDEMPOTENT, this.requestTimeout);
		return this.http
			.send(HttpMethod.POST, uri(endpoint, "/start_process"), authenticated(endpoint), request, options)
			.map((result) -> processInfo(result.json(ProcessReply.class, options.operation()), request.cmd(),
					options.operation(), result.status()))
			.onErrorMap(SandboxServiceException.class, (ex) -> rejectedCommand(ex, request));
	}

	/**
	 * List the background processes, finished ones included ({@code GET /list_processes}).
	 * @param endpoint the executor
	 * @return the processes
	 */
	public Mono<List<ProcessInfo>> listProcesses(ExecutorEndpoint endpoint) {
		CallOptions options = options(endpoint, "GET /list_processes", CallKind.IDEMPOTENT, this.requestTimeout);
		return this.http
			.send(HttpMethod.GET, uri(endpoint, "/list_processes"), authenticated(endpoint), null, options)
			.map((result) -> {
				ProcessListReply reply = result.json(ProcessListReply.class, options.operation());
				return Objects.requireNonNullElse(reply.processes(), List.<ProcessReply>of())
					.stream()
					.map((process) -> processInfo(process, "", options.operation(), result.status()))
					.toList();
			});
	}

	/**
	 * Kill a background process ({@code POST /kill_process}).
	 * @param endpoint the executor
	 * @param processId the process id given by the executor
	 * @return completion; a {@link SandboxNotFoundException} for an unknown process, a
	 * {@link SandboxServiceException} for another refusal
	 */
	public Mono<Void> killProcess(ExecutorEndpoint endpoint, String processId) {
		String operation = "POST /kill_process";
		return reply(endpoint, "/kill_process", CallKind.NON_IDEMPOTENT, new ProcessIdBody(processId),
				(failure) -> processFailure(operation, failure))
			.onErrorMap(SandboxServiceException.class, (ex) -> unknownProcess(ex, operation))
			.then();
	}

	/**
	 * Stream the output of a background process ({@code GET /process_logs_streaming}):
	 * the stdout backlog, then the stderr backlog, then live lines until it exits.
	 * @param endpoint the executor
	 * @param processId the process id given by the executor
	 * @return the lines, completing when the process has exited; a
	 * {@link SandboxNotFoundException} for an unknown process, a
	 * {@link SandboxConnectionException} if the stream ends before the executor completed
	 * it
	 */
	public Flux<ProcessLogLine> processLogs(ExecutorEndpoint endpoint, String processId) {
		CallOptions options = options(endpoint, "GET /process_logs_streaming", CallKind.IDEMPOTENT,
				this.requestTimeout);
		String operation = options.operation();
		String path = "/process_logs_streaming?id=" + URLEncoder.encode(processId, StandardCharsets.UTF_8);
		return this.<ProcessLogLine>events(endpoint, HttpMethod.GET, path, null, options,
				"the process log was complete", (event, sink) -> {
					switch (event.event()) {
						case "log" -> {
							LineData line = data(event, LineData.class, operation);
							sink.next(new ProcessLogLine(timestamp(line.timestamp()), streamType(line.stream()),
									orEmpty(line.data())));
						}
						case "complete" -> sink.complete();
						case "error" -> sink.error(processFailure(operation, errorText(event)));
						default -> {
							// events this client does not know are ignored
						}
					}
				});
	}

	/**
	 * Call an endpoint answering {@code {success, error, ...}} and fail with
	 * {@code onFailure} when it reports a failure with a 2xx status.
	 */
	private Mono<Reply> reply(ExecutorEndpoint endpoint, String path, CallKind kind, Object body,
			Function<String, SandboxException> onFailure) {
		CallOptions options = options(endpoint, "POST " + path, kind, this.requestTimeout);
		return this.http.send(HttpMethod.POST, uri(endpoint, path), authenticated(endpoint), body, options)
			.map((result) -> {
				Reply reply = result.json(Reply.class, options.operation());
				String failure = reply.failure();
				if (failure != null) {
					throw onFailure.apply(failure);
				}
				return reply;
			});
	}

	private Mono<Reply> fileCall(ExecutorEndpoint endpoint, String path, CallKind kind, String filePath,
			Object body) {
		return reply(endpoint, path, kind, body, (failure) -> fileFailure("POST " + path, filePath, failure));
	}

	/**
	 * Open a stream of server-sent events and hand each event to {@code handler}, which
	 * completes the result at the terminal event; a stream that ends before fails.
	 */
	private <T> Flux<T> events(ExecutorEndpoint endpoint, HttpMethod method, String pathAndQuery,
			@Nullable Object body, CallOptions options, String awaited,
			BiConsumer<ServerSentEvent, SynchronousSink<T>> handler) {
		Consumer<HttpHeaders> headers = authenticated(endpoint)
			.andThen((all) -> all.setAccept(List.of(MediaType.TEXT_EVENT_STREAM)));
		return this.decoder.decode(this.http.stream(method, uri(endpoint, pathAndQuery), headers, body, options))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new SandboxServiceException(options.operation() + " failed: " + ex.getMessage(), 200, ""))
			.concatWith(Flux.error(() -> new SandboxConnectionException(
					options.operation() + " failed: the stream ended before " + awaited, null)))
			.handle(handler);
	}

	private static CallOptions options(ExecutorEndpoint endpoint, String operation, CallKind kind,
			Duration deadline) {
		return CallOptions.of(operation, endpoint.baseUrl().toString(), kind, deadline).redacting(endpoint.secret());
	}

	private static URI uri(ExecutorEndpoint endpoint, String pathAndQuery) {
		String base = endpoint.baseUrl().toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
	}

	private static Consumer<HttpHeaders> authenticated(ExecutorEndpoint endpoint) {
		return (headers) -> {
			headers.setBearerAuth(endpoint.secret());
			route(endpoint, headers);
		};
	}

	private static void route(ExecutorEndpoint endpoint, HttpHeaders headers) {
		String routingKey = endpoint.routingKey();
		if (routingKey != null) {
			headers.set("X-Routing-Key", routingKey);
		}
	}

	/**
	 * Map the executor's 400 answers about a command ({@code run}, {@code run_streaming},
	 * {@code start_process}) to the invalid field.
	 */
	private static SandboxException rejectedCommand(SandboxServiceException ex, RunRequest request) {
		if (ex.getStatusCode() != 400) {
			return ex;
		}
		String body = ex.getResponseBody().strip();
		if (body.startsWith(INVALID_CWD)) {
			return new InvalidSandboxSpecException("cwd", body.substring(INVALID_CWD.length()).strip(),
					"must be an existing directory in the sandbox");
		}
		if (body.equals(COMMAND_REQUIRED)) {
			return new InvalidSandboxSpecException("cmd", request.cmd(), "must not be empty");
		}
		return ex;
	}

	private static SandboxException alreadyBound(SandboxServiceException ex, String operation, int port) {
		if (ex.getStatusCode() != 409) {
			return ex;
		}
		Reply reply = parseReply(ex.getResponseBody());
		String currentPort = (reply != null) ? reply.currentPort() : null;
		String bound = (currentPort != null) ? "port " + currentPort + " is" : "another port is";
		return new SandboxServiceException(
				operation + " could not bind port " + port + ": " + bound + " already bound (HTTP 409)", 409,
				ex.getResponseBody());
	}

	private static SandboxException unknownProcess(SandboxServiceException ex, String operation) {
		Reply reply = (ex.getStatusCode() == 400) ? parseReply(ex.getResponseBody()) : null;
		String failure = (reply != null) ? reply.failure() : null;
		return (failure != null && isProcessNotFound(failure)) ? new SandboxNotFoundException(
				operation + " failed: " + failure) : ex;
	}

	private static SandboxException processFailure(String operation, String failure) {
		return isProcessNotFound(failure) ? new SandboxNotFoundException(operation + " failed: " + failure)
				: serviceFailure(operation, failure);
	}

	private static boolean isProcessNotFound(String failure) {
		return failure.toLowerCase(Locale.ROOT).contains(PROCESS_NOT_FOUND);
	}

	/**
	 * Exception for a failure the executor reported with a 2xx status.
	 */
	private static SandboxServiceException serviceFailure(String operation, String failure) {
		return new SandboxServiceException(operation + " failed: " + failure, 200, failure);
	}

	private static SandboxFileException fileFailure(String operation, String path, String failure) {
		String message = operation + " failed for " + path + ": " + failure;
		String lowerCase = failure.toLowerCase(Locale.ROOT);
		if (lowerCase.contains("no such file or directory") || lowerCase.contains("not found")) {
			return new SandboxFileNotFoundException(path, message);
		}
		if (lowerCase.contains("not empty")) {
			return new SandboxDirectoryNotEmptyException(path, message);
		}
		if (lowerCase.contains("exists")) {
			return new SandboxFileAlreadyExistsException(path, message);
		}
		return new SandboxFileException(path, message);
	}

	private static int boundPort(String operation, String port) {
		try {
			return Integer.parseInt(port.strip());
		}
		catch (NumberFormatException ex) {
			throw new SandboxServiceException(operation + " returned an invalid port '" + port + "'", 200, "");
		}
	}

	private static ProcessInfo processInfo(ProcessReply reply, String command, String operation, int status) {
		String wireStatus = required(reply.status(), "status", operation, status);
		return new ProcessInfo(required(reply.id(), "id", operation, status),
				required(reply.pid(), "pid", operation, status), ProcessStatus.fromWire(wireStatus),
				Objects.requireNonNullElse(reply.command(), command));
	}

	private static <T> T data(ServerSentEvent event, Class<T> type, String operation) {
		return JsonSupport.read(event.data().getBytes(StandardCharsets.UTF_8), type, operation, 200);
	}

	/**
	 * Return the text of an {@code error} event: its {@code error} field, or the raw data.
	 */
	private static String errorText(ServerSentEvent event) {
		Reply reply = parseReply(event.data());
		String failure = (reply != null) ? reply.failure() : null;
		return (failure != null) ? failure : event.data();
	}

	private static @Nullable Reply parseReply(String json) {
		try {
			return JsonSupport.read(json.getBytes(StandardCharsets.UTF_8), Reply.class, "", 0);
		}
		catch (SandboxServiceException ex) {
			return null;
		}
	}

	private static StreamType streamType(@Nullable String stream) {
		return "stderr".equalsIgnoreCase(stream) ? StreamType.STDERR : StreamType.STDOUT;
	}

	private static @Nullable Instant timestamp(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static <T> T required(@Nullable T value, String field, String operation, int status) {
		if (value == null) {
			throw new SandboxServiceException(operation + " returned no '" + field + "'", status, "");
		}
		return value;
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}

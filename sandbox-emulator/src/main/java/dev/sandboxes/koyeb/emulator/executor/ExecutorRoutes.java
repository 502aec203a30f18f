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

package dev.sandboxes.koyeb.emulator.executor;

import java.util.Optional;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;


/**
 * The executor API of every sandbox under {@code /koyeb-sandbox/}, routed by the
 * {@code X-Routing-Key} header and authenticated with the sandbox's secret, with the executor's
 * status codes, bodies and method checks.
 *
 * @since 0.1.0
 */
public final class ExecutorRoutes {

	/** Largest request body accepted, in bytes. */
	public static final int MAX_REQUEST_BODY = 64 * 1024 * 1024;

	private static final String PREFIX = "/koyeb-sandbox/";

	private static final String ROUTING_KEY = "X-Routing-Key";

	private static final String BEARER = "Bearer ";

	private final ExecutorTargets targets;

	private final CommandHandlers commands;

	/**
	 * Create the routes.
	 * @param targets finds sandboxes by routing key
	 * @param io threads that read command output
	 */
	public ExecutorRoutes(ExecutorTargets targets, BlockingIo io) {
		this.targets = targets;
		this.commands = new CommandHandlers(io);
	}

	/**
	 * The routes.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().route((request) -> request.path().startsWith(PREFIX), this::handle).build();
	}

	private Mono<ServerResponse> handle(ServerRequest request) {
		String endpoint = request.path().substring(PREFIX.length());
		Function<ExecutorCall, Mono<ServerResponse>> handler = handler(endpoint);
		Optional<ExecutorTarget> target = Optional.ofNullable(request.headers().firstHeader(ROUTING_KEY))
			.flatMap(this.targets::findByRoutingKey);
		if (target.isEmpty()) {
			return ExecutorReplies.notRouted();
		}
		boolean health = endpoint.equals("health");
		if (!health && !authenticated(request, target.get())) {
			return ExecutorReplies.text(HttpStatus.UNAUTHORIZED, "Unauthorized");
		}
		if (health) {
			return Entry.enter(request, target.get())
				.flatMap((sandbox) -> ExecutorReplies.health())
				.switchIfEmpty(Mono.defer(ExecutorReplies::notRouted));
		}
		// The body is read first, on the event loop, so that entering the sandbox and the handler's
		// blocking work share one thread.
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_REQUEST_BODY)
			.map(ExecutorRoutes::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> Entry.enter(request, target.get())
				.flatMap((sandbox) -> handler.apply(new ExecutorCall(request, sandbox, body)))
				.switchIfEmpty(Mono.defer(ExecutorReplies::notRouted)))
			.onErrorResume(ExecutorRequests.InvalidRequestException.class,
					(ex) -> ExecutorReplies.text(HttpStatus.BAD_REQUEST, "Invalid request"))
			.onErrorResume(DataBufferLimitException.class, (ex) -> ExecutorReplies.text(HttpStatus.CONTENT_TOO_LARGE,
					"Request body too large (at most " + MAX_REQUEST_BODY + " bytes)"));
	}

	private Function<ExecutorCall, Mono<ServerResponse>> handler(String endpoint) {
		return switch (endpoint) {
			case "run" -> this.commands::run;
			case "run_streaming" -> this.commands::runStreaming;
			case "write_file" -> FileHandlers::write;
			case "read_file" -> FileHandlers::read;
			case "delete_file" -> FileHandlers::delete;
			case "make_dir" -> FileHandlers::makeDirectory;
			case "delete_dir" -> FileHandlers::deleteDirectory;
			case "list_dir" -> FileHandlers::list;
			case "bind_port" -> PortHandlers::bind;
			case "unbind_port" -> PortHandlers::unbind;
			case "start_process" -> only(HttpMethod.POST, ProcessHandlers::start);
			case "list_processes" -> only(HttpMethod.GET, ProcessHandlers::list);
			case "kill_process" -> only(HttpMethod.POST, ProcessHandlers::kill);
			case "process_logs_streaming" -> only(HttpMethod.GET, ProcessHandlers::logs);
			default -> (call) -> ExecutorReplies.text(HttpStatus.NOT_FOUND, "404 page not found");
		};
	}

	private static Function<ExecutorCall, Mono<ServerResponse>> only(HttpMethod method,
			Function<ExecutorCall, Mono<ServerResponse>> handler) {
		return (call) -> call.is(method) ? handler.apply(call)
				: ExecutorReplies.text(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
	}

	private static boolean authenticated(ServerRequest request, ExecutorTarget target) {
		String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.startsWith(BEARER)
				&& target.acceptsSecret(authorization.substring(BEARER.length()));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}

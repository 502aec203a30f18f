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

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.sandboxes.koyeb.emulator.runtime.BackgroundProcess;
import dev.sandboxes.koyeb.emulator.runtime.CommandRequest;
import dev.sandboxes.koyeb.emulator.runtime.CommandStartException;
import dev.sandboxes.koyeb.emulator.runtime.InvalidWorkingDirectoryException;
import dev.sandboxes.koyeb.emulator.runtime.LogEntry;
import dev.sandboxes.koyeb.emulator.runtime.ProcessStatus;

/**
 * The background process endpoints: start, list, kill and the log stream.
 */
final class ProcessHandlers {

	private ProcessHandlers() {
	}

	static Mono<ServerResponse> start(ExecutorCall call) {
		CommandRequest command = call.json().command();
		if (command.command().isEmpty()) {
			return ExecutorReplies.text(HttpStatus.BAD_REQUEST, "Command is required");
		}
		return OffEventLoop.call(() -> call.sandbox().processes().start(command))
			.flatMap((process) -> ExecutorReplies.json(HttpStatus.CREATED, GoJson.object()
				.string("id", process.id())
				.number("pid", process.pid())
				.string("status", ProcessStatus.RUNNING.wireName())))
			.onErrorResume(InvalidWorkingDirectoryException.class,
					(ex) -> ExecutorReplies.text(HttpStatus.BAD_REQUEST, ExecutorReplies.messageOf(ex)))
			.onErrorResume(CommandStartException.class, (ex) -> ExecutorReplies
				.json(HttpStatus.INTERNAL_SERVER_ERROR, GoJson.object().string("error", ExecutorReplies.messageOf(ex))));
	}

	static Mono<ServerResponse> list(ExecutorCall call) {
		String processes = call.sandbox()
			.processes()
			.list()
			.stream()
			.map((process) -> GoJson.object()
				.string("command", process.command())
				.string("id", process.id())
				.number("pid", process.pid())
				.string("status", process.status().wireName())
				.toValue())
			.collect(Collectors.joining(",", "[", "]"));
		return ExecutorReplies.json(GoJson.object().raw("processes", processes));
	}

	static Mono<ServerResponse> kill(ExecutorCall call) {
		String id = call.json().string("id");
		Optional<BackgroundProcess> found = call.sandbox().processes().find(id);
		if (found.isEmpty()) {
			return killFailed("process not found: " + id);
		}
		BackgroundProcess process = found.get();
		return OffEventLoop.call(process::kill).flatMap((killed) -> {
			if (!killed) {
				return killFailed("process is not running (status: " + process.status().wireName() + ")");
			}
			return ExecutorReplies
				.json(GoJson.object().bool("success", true).string("message", "Process killed successfully"));
		});
	}

	private static Mono<ServerResponse> killFailed(String error) {
		return ExecutorReplies.json(HttpStatus.BAD_REQUEST,
				GoJson.object().bool("success", false).string("error", error));
	}

	static Mono<ServerResponse> logs(ExecutorCall call) {
		Optional<String> id = call.request().queryParam("id").filter((value) -> !value.isEmpty());
		if (id.isEmpty()) {
			return ExecutorReplies.text(HttpStatus.BAD_REQUEST, "Process ID is required");
		}
		Optional<BackgroundProcess> process = call.sandbox().processes().find(id.get());
		if (process.isEmpty()) {
			return ExecutorReplies.events(Flux.just(ServerSentEvents.error("process not found: " + id.get())));
		}
		Flux<String> frames = process.get()
			.logs()
			.map(ProcessHandlers::logFrame)
			.concatWith(Mono.just(ServerSentEvents.frame("complete", "{\"message\": \"stream ended\"}")));
		return ExecutorReplies.events(frames);
	}

	private static String logFrame(LogEntry entry) {
		return ServerSentEvents.frame("log", GoJson.object()
			.string("timestamp", timestamp(entry.timestamp()))
			.string("stream", entry.stream())
			.string("data", entry.data())
			.toValue());
	}

	/**
	 * An instant as Go's RFC 3339 with nanoseconds formats it: trailing zeros of the fraction
	 * dropped.
	 * @param instant the instant
	 * @return the text
	 */
	static String timestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant).replaceFirst("\\.?0*Z$", "Z");
	}

}

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


package dev.sandboxes.koyeb.sample.web;

import java.time.Duration;
import java.util.Locale;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.ProcessLogLine;
import dev.sandboxes.koyeb.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Turns a sandbox's output into the server-sent events the page reads: {@code stdout} and
 * {@code stderr} carry one line each as {@code {"text": ...}} (JSON, because a server-sent
 * event's reader drops the first space of a raw line), {@code exit} the exit code and
 * duration, and {@code error} why the stream ended early (no exit code is made up then).
 */
final class OutputEvents {

	private static final Logger logger = LoggerFactory.getLogger(OutputEvents.class);

	private OutputEvents() {
	}

	static Flux<ServerSentEvent<Object>> ofCommand(Flux<ExecEvent> events) {
		return Flux.defer(() -> {
			long started = System.nanoTime();
			return events.map((event) -> of(event, started));
		}).onErrorResume(OutputEvents::error);
	}

	static Flux<ServerSentEvent<Object>> ofProcessLogs(Flux<ProcessLogLine> lines) {
		return lines.map((line) -> line(line.stream().name().toLowerCase(Locale.ROOT), line.text()))
			.onErrorResume(OutputEvents::error);
	}

	private static ServerSentEvent<Object> of(ExecEvent event, long started) {
		if (event instanceof OutputLine line) {
			return line(line.stream().name().toLowerCase(Locale.ROOT), line.text());
		}
		ExecCompleted completed = (ExecCompleted) event;
		long durationMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		return ServerSentEvent.<Object>builder(new ExitStatus(completed.exitCode(), durationMillis))
			.event("exit")
			.build();
	}

	private static ServerSentEvent<Object> line(String stream, String text) {
		return ServerSentEvent.<Object>builder(new OutputText(text)).event(stream).build();
	}

	private static Mono<ServerSentEvent<Object>> error(Throwable failure) {
		String message;
		if (failure instanceof SandboxException) {
			message = failure.getMessage();
		}
		else {
			logger.warn("Output stream failed", failure);
			message = "The output stream failed unexpectedly (" + failure.getClass().getSimpleName() + ")";
		}
		return Mono.just(ServerSentEvent.<Object>builder(new StreamError(String.valueOf(message))).event("error").build());
	}

	/**
	 * One line of output.
	 *
	 * @param text the line, without its line break
	 */
	record OutputText(String text) {

	}

	/**
	 * How a command ended.
	 *
	 * @param exitCode its exit code
	 * @param durationMillis how long it ran, as seen by the playground
	 */
	record ExitStatus(int exitCode, long durationMillis) {

	}

	/**
	 * Why a stream of output ended before the command did.
	 *
	 * @param message what went wrong
	 */
	record StreamError(String message) {

	}

}

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

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.sandboxes.koyeb.emulator.runtime.CommandExecution;
import dev.sandboxes.koyeb.emulator.runtime.CommandRequest;
import dev.sandboxes.koyeb.emulator.runtime.CommandStartException;
import dev.sandboxes.koyeb.emulator.runtime.InvalidWorkingDirectoryException;

/**
 * {@code /run} and {@code /run_streaming}. Both stream the command's output as it comes, and a
 * caller that goes away kills the command with everything it started. A command that ended with
 * its sandbox reports no exit code: the reply breaks off instead.
 */
final class CommandHandlers {

	private final BlockingIo io;

	CommandHandlers(BlockingIo io) {
		this.io = io;
	}

	Mono<ServerResponse> run(ExecutorCall call) {
		return launch(call, (execution) -> ExecutorReplies.streamed(MediaType.APPLICATION_JSON,
				breakingOffIfTheSandboxEnds(call, RunReply.of(execution, this.io))));
	}

	Mono<ServerResponse> runStreaming(ExecutorCall call) {
		return launch(call,
				(execution) -> ExecutorReplies.events(breakingOffIfTheSandboxEnds(call, events(execution))));
	}

	/**
	 * A reply whose command ended with its sandbox: instead of ending, it breaks off, the
	 * connection cut once what was written is flushed.
	 */
	private static Flux<String> breakingOffIfTheSandboxEnds(ExecutorCall call, Flux<String> reply) {
		return reply.onErrorResume(SandboxEndedException.class, (ex) -> BrokenOffAnswers
			.<String>breakOff(call.request().exchange().getResponse(), BrokenOffAnswers.FLUSH_BEFORE_CUT)
			.flux());
	}

	private Flux<String> events(CommandExecution execution) {
		Flux<String> output = Flux.merge(lines(execution, "stdout"), lines(execution, "stderr"));
		Mono<String> completion = Mono.fromFuture(execution.exitCode())
			.filter((code) -> !execution.endedWithItsSandbox())
			.switchIfEmpty(Mono.error(SandboxEndedException::new))
			.map((code) -> ServerSentEvents.frame("complete",
					GoJson.object().number("code", code).bool("error", code != 0).toValue()));
		return output.concatWith(completion).doFinally((signal) -> execution.kill());
	}

	private Flux<String> lines(CommandExecution execution, String stream) {
		return OutputLines.of(stream.equals("stdout") ? execution.stdout() : execution.stderr(), this.io)
			.map((line) -> ServerSentEvents.frame("output",
					GoJson.object().escapedString("data", line).string("stream", stream).toValue()));
	}

	private Mono<ServerResponse> launch(ExecutorCall call,
			Function<CommandExecution, Mono<ServerResponse>> reply) {
		CommandRequest command = call.json().command();
		return OffEventLoop.call(() -> {
			CommandExecution execution = call.sandbox().launch(command);
			TrafficTracking.started(call.request(), execution);
			return execution;
		})
			.flatMap(reply)
			.onErrorResume(InvalidWorkingDirectoryException.class,
					(ex) -> ExecutorReplies.text(HttpStatus.BAD_REQUEST, ExecutorReplies.messageOf(ex)))
			.onErrorResume(CommandStartException.class,
					(ex) -> ExecutorReplies.text(HttpStatus.INTERNAL_SERVER_ERROR, ExecutorReplies.messageOf(ex)));
	}

}

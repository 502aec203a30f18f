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

import java.nio.charset.StandardCharsets;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Replies shaped as the executor sends them: Go's {@code http.Error} plain-text errors, JSON
 * documents, and streamed bodies flushed chunk by chunk.
 */
final class ExecutorReplies {

	/** Spelled as Go writes it: Spring's {@code MediaType} would drop the space. */
	private static final String TEXT = "text/plain; charset=utf-8";

	private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;

	private ExecutorReplies() {
	}

	/**
	 * A plain-text error, as Go's {@code http.Error} writes it.
	 * @param status the status
	 * @param message the message, without the trailing newline
	 * @return the reply
	 */
	static Mono<ServerResponse> text(HttpStatus status, String message) {
		return ServerResponse.status(status)
			.header(HttpHeaders.CONTENT_TYPE, TEXT)
			.header("X-Content-Type-Options", "nosniff")
			.bodyValue(message + "\n");
	}

	/**
	 * The answer for a routing key that leads to no live sandbox.
	 * @return the reply
	 */
	static Mono<ServerResponse> notRouted() {
		return text(HttpStatus.NOT_FOUND, "No sandbox is routed by this key");
	}

	/**
	 * The message of a runtime failure, as the executor reports it.
	 * @param failure the failure
	 * @return its message, empty if it has none
	 */
	static String messageOf(Throwable failure) {
		String message = failure.getMessage();
		return (message != null) ? message : "";
	}

	/**
	 * The answer of {@code /health}, which the executor writes without a content type of its own.
	 * @return the reply
	 */
	static Mono<ServerResponse> health() {
		return ServerResponse.ok().header(HttpHeaders.CONTENT_TYPE, TEXT).bodyValue("{\"status\":\"ok\"}");
	}

	static Mono<ServerResponse> json(HttpStatus status, GoJson document) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(document.toDocument());
	}

	static Mono<ServerResponse> json(GoJson document) {
		return json(HttpStatus.OK, document);
	}

	/**
	 * A body written as it is produced, each chunk flushed at once.
	 * @param contentType the content type
	 * @param chunks the text chunks
	 * @return the reply
	 */
	static Mono<ServerResponse> streamed(MediaType contentType, Flux<String> chunks) {
		return ServerResponse.ok().contentType(contentType).body(flushed(chunks));
	}

	static Mono<ServerResponse> events(Flux<String> frames) {
		return streamed(EVENT_STREAM, frames);
	}

	private static BodyInserter<Flux<String>, ReactiveHttpOutputMessage> flushed(Flux<String> chunks) {
		return (message, context) -> {
			DataBufferFactory factory = message.bufferFactory();
			Flux<Publisher<DataBuffer>> each = chunks.filter((chunk) -> !chunk.isEmpty())
				.map((chunk) -> Mono.just(factory.wrap(chunk.getBytes(StandardCharsets.UTF_8))));
			return message.writeAndFlushWith(each);
		};
	}

}

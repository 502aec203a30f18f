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


package dev.sandboxes.koyeb.benchmarks.support;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The floor of a command's round trip and output stream with a bare {@link WebClient} (its
 * default Reactor Netty connector): {@code POST /run} with the body read as a string and
 * checked for a zero exit code, and {@code POST /run_streaming} with the bytes of the
 * server-sent events counted and released, nothing decoded. Like the template's commands,
 * each call has a deadline of a minute.
 *
 * @since 0.1.0
 */
public final class WebClientExecutor {

	private static final String SUCCESS = "\"code\":0}";

	private final WebClient webClient;

	private final byte[] body;

	/**
	 * Create a client of one sandbox's executor for one command.
	 * @param address the sandbox's executor
	 * @param command the command, a JSON-safe string
	 */
	public WebClientExecutor(RawExecutorAddress address, String command) {
		this.webClient = WebClient.builder()
			.baseUrl(address.executorUrl().toString())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + address.secret())
			.defaultHeader("X-Routing-Key", address.routingKey())
			.build();
		this.body = RunBodies.of(command).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Run the command ({@code POST /run}).
	 * @return the answer's body, or an error if the command did not exit with 0
	 */
	public Mono<String> run() {
		return this.webClient.post()
			.uri("/run")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.body)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(RunBodies.DEADLINE)
			.handle((answer, sink) -> {
				if (answer.strip().endsWith(SUCCESS)) {
					sink.next(answer);
				}
				else {
					sink.error(new IllegalStateException("POST /run answered " + answer));
				}
			});
	}

	/**
	 * Run the command and count the bytes of its event stream
	 * ({@code POST /run_streaming}).
	 * @return the number of bytes received
	 */
	public Mono<Long> streamedBytes() {
		return this.webClient.post()
			.uri("/run_streaming")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(this.body)
			.retrieve()
			.bodyToFlux(DataBuffer.class)
			.reduce(0L, (count, buffer) -> {
				long total = count + buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				return total;
			})
			.timeout(RunBodies.DEADLINE);
	}

}

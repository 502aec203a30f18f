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

package dev.sandboxes.koyeb.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.sandboxes.koyeb.SandboxServiceException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends JSON requests over a {@link WebClient} and reads whole or streamed bodies, turning
 * every error status into a {@link dev.sandboxes.koyeb.SandboxException}. Bodies are
 * serialized by this project's own {@link JsonSupport}, so the codecs configured on the
 * WebClient do not change the wire.
 *
 * @since 0.1.0
 */
public final class HttpExchanges {

	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	private final SingletonSupplier<WebClient> webClient;

	private final RetryableCalls calls;

	private final int maxBodyBytes;

	/**
	 * Create an instance.
	 * @param webClient the client that sends the requests
	 * @param retryPolicy the retry policy
	 * @param maxBodyBytes the largest whole body read into memory
	 */
	public HttpExchanges(WebClient webClient, RetryPolicy retryPolicy, int maxBodyBytes) {
		this(() -> webClient, retryPolicy, maxBodyBytes);
	}

	/**
	 * Create an instance whose client is made when the first request is sent, once, so
	 * that an application that does not send one yet does not pay for building it.
	 * @param webClient what makes the client that sends the requests
	 * @param retryPolicy the retry policy
	 * @param maxBodyBytes the largest whole body read into memory
	 */
	public HttpExchanges(Supplier<WebClient> webClient, RetryPolicy retryPolicy, int maxBodyBytes) {
		this.webClient = SingletonSupplier.of(webClient);
		this.calls = new RetryableCalls(retryPolicy);
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Send a request and read the whole body of its 2xx answer.
	 * @param method the HTTP method
	 * @param uri the absolute URI
	 * @param headers adds headers to the request
	 * @param body the JSON body, or {@code null} for none
	 * @param options how the call is made
	 * @return the response
	 */
	public Mono<HttpResult> send(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, @Nullable Object body,
			CallOptions options) {
		byte[] json = (body != null) ? JsonSupport.write(body) : null;
		return this.calls.call(options.operation(), options.kind(), options.deadline(),
				() -> request(method, uri, headers, json).exchangeToMono((response) -> readWhole(response, options)));
	}

	/**
	 * Send a request and stream the body of its 2xx answer. Never retried; the caller sets
	 * the deadline of the stream.
	 * @param method the HTTP method
	 * @param uri the absolute URI
	 * @param headers adds headers to the request
	 * @param body the JSON body, or {@code null} for none
	 * @param options how the call is reported; its deadline is not applied, since a quiet
	 * command may send nothing for a long time
	 * @return the body as it arrives; buffers must be released by the consumer
	 */
	public Flux<DataBuffer> stream(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, @Nullable Object body,
			CallOptions options) {
		byte[] json = (body != null) ? JsonSupport.write(body) : null;
		return request(method, uri, headers, json).exchangeToFlux((response) -> {
			if (response.statusCode().is2xxSuccessful()) {
				return response.bodyToFlux(DataBuffer.class);
			}
			return readError(response, options).flatMapMany(Flux::error);
		}).onErrorMap((ex) -> RetryableCalls.translate(options.operation(), ex));
	}

	private WebClient.RequestHeadersSpec<?> request(HttpMethod method, URI uri, Consumer<HttpHeaders> headers,
			byte @Nullable [] json) {
		WebClient.RequestBodySpec spec = this.webClient.obtain().method(method).uri(uri).headers(headers);
		if (json == null) {
			return spec;
		}
		return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
	}

	private Mono<HttpResult> readWhole(ClientResponse response, CallOptions options) {
		if (!response.statusCode().is2xxSuccessful()) {
			return readError(response, options).flatMap(Mono::error);
		}
		int status = response.statusCode().value();
		return joinBody(response, this.maxBodyBytes)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new SandboxServiceException(options.operation() + " returned a body larger than "
							+ this.maxBodyBytes + " bytes", status, ""))
			.map((bytes) -> new HttpResult(status, bytes));
	}

	private static Mono<Throwable> readError(ClientResponse response, CallOptions options) {
		int status = response.statusCode().value();
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return joinBody(response, MAX_ERROR_BODY_BYTES).onErrorReturn(new byte[0])
			.map((bytes) -> ResponseErrors.toException(options.operation(), options.endpoint(), status, retryAfter,
					new String(bytes, StandardCharsets.UTF_8), options.redactor()));
	}

	private static Mono<byte[]> joinBody(ClientResponse response, int limit) {
		return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), limit).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

}

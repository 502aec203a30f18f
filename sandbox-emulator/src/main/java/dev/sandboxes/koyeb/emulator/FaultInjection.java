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

package dev.sandboxes.koyeb.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.sandboxes.koyeb.emulator.executor.BrokenOffAnswers;

/**
 * Applies the {@link EmulatorFaults injected faults} to the requests they match.
 */
final class FaultInjection implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(FaultInjection.class);

	private final EmulatorFaults faults;

	FaultInjection(EmulatorFaults faults) {
		this.faults = faults;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		return this.faults.take(method, path).map((fault) -> {
			logger.info("Injecting {} into {} {}", fault, method, path);
			Mono<Void> delay = fault.delayValue().isZero() ? Mono.empty() : Mono.delay(fault.delayValue()).then();
			return delay.then(Mono.defer(() -> apply(fault, exchange, chain)));
		}).orElseGet(() -> chain.filter(exchange));
	}

	private static Mono<Void> apply(Fault fault, ServerWebExchange exchange, WebFilterChain chain) {
		return switch (fault.outcome()) {
			case HANDLE -> chain.filter(exchange);
			case RESPOND -> respond(fault, exchange);
			case DROP -> {
				BrokenOffAnswers.cut(exchange.getResponse(), Duration.ZERO);
				yield Mono.empty();
			}
			case DROP_AFTER -> chain.filter(exchange.mutate()
				.response(new CutResponse(exchange.getResponse(), fault.bytesBeforeDrop()))
				.build());
		};
	}

	private static Mono<Void> respond(Fault fault, ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		HttpStatus status = HttpStatus.valueOf(fault.status());
		response.setStatusCode(status);
		Duration retryAfter = fault.retryAfterValue();
		if (retryAfter != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		}
		String body;
		if (exchange.getRequest().getPath().value().startsWith("/v1/")) {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			body = "{\"status\":" + status.value() + ",\"code\":\"injected_fault\",\"message\":\"Injected fault: "
					+ status.getReasonPhrase() + "\"}";
		}
		else {
			response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
			body = "Injected fault: " + status.getReasonPhrase() + "\n";
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Writes the answer's body up to a number of bytes, then closes the connection, leaving the
	 * answer unfinished: an answer that ends exactly at the budget, or a budget of none, is cut
	 * as well.
	 */
	private static final class CutResponse extends ServerHttpResponseDecorator {

		private final long budget;

		private final AtomicLong written = new AtomicLong();

		private final AtomicBoolean cut = new AtomicBoolean();

		CutResponse(ServerHttpResponse delegate, long budget) {
			super(delegate);
			this.budget = budget;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(cut(Flux.from(body)).concatWith(endOfBody()));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(
					Flux.from(body).<Publisher<DataBuffer>>map((chunk) -> cut(Flux.from(chunk))).concatWith(endOfBody()));
		}

		@Override
		public Mono<Void> setComplete() {
			return (this.budget == 0) ? cutConnection() : super.setComplete();
		}

		private Flux<DataBuffer> cut(Flux<? extends DataBuffer> body) {
			return body.concatMap((buffer) -> {
				long left = this.budget - this.written.get();
				if (buffer.readableByteCount() < left) {
					this.written.addAndGet(buffer.readableByteCount());
					return Mono.just(buffer);
				}
				if (left <= 0) {
					DataBufferUtils.release(buffer);
					return cutConnection();
				}
				DataBuffer head = buffer.split((int) left);
				DataBufferUtils.release(buffer);
				this.written.set(this.budget);
				return Mono.just(head).concatWith(cutConnection());
			}, 1).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		}

		/**
		 * Once the body is written: cut if it used the whole budget, else let the answer end.
		 */
		private <T> Mono<T> endOfBody() {
			return Mono.defer(() -> (this.written.get() >= this.budget) ? cutConnection() : Mono.empty());
		}

		/**
		 * Close the connection shortly (once, however often asked), leaving time for what was
		 * written to be flushed, and never let the answer end.
		 */
		private <T> Mono<T> cutConnection() {
			if (this.cut.compareAndSet(false, true)) {
				BrokenOffAnswers.cut(getDelegate(), BrokenOffAnswers.FLUSH_BEFORE_CUT);
			}
			return Mono.never();
		}

	}

}

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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * Breaks off answers: the connection under a response is closed, so that its client sees the
 * connection cut rather than an answer that ends, as when a server goes away.
 */
public final class BrokenOffAnswers {

	/** How long what was written before the cut has to be flushed. */
	public static final Duration FLUSH_BEFORE_CUT = Duration.ofMillis(50);

	private BrokenOffAnswers() {
	}

	/**
	 * Close the connection a response is written to, now or after a delay.
	 * @param response the response, decorated or not
	 * @param after how long to wait first, {@link Duration#ZERO} for not at all
	 */
	// The close is fire-and-forget: the client sees the connection drop.
	@SuppressWarnings("FutureReturnValueIgnored")
	public static void cut(ServerHttpResponse response, Duration after) {
		Connection connection = connectionOf(response);
		if (connection == null) {
			return;
		}
		if (after.isZero()) {
			connection.channel().close();
		}
		else {
			connection.channel()
				.eventLoop()
				.schedule(() -> connection.channel().close(), after.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static @Nullable Connection connectionOf(ServerHttpResponse response) {
		ServerHttpResponse underlying = response;
		while (underlying instanceof ServerHttpResponseDecorator decorator) {
			underlying = decorator.getDelegate();
		}
		return (underlying instanceof AbstractServerHttpResponse reactorResponse
				&& reactorResponse.getNativeResponse() instanceof Connection connection) ? connection : null;
	}

}

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

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Starts handling every request on another thread than the connection's event loop, so that no
 * response ever completes while Reactor Netty is still dispatching the request.
 * <p>
 * Reactor Netty up to 1.3.6 (reactor/reactor-netty#4361) stops reading an HTTP/1.1 keep-alive
 * connection when a request that arrived while the previous response was still being written is
 * then answered at once, on the event loop: the connection's next request is never read, and its
 * client waits until it times out. Clients that reuse connections (our client, the SDKs) met it
 * after a sandbox creation, whose answer waits for the sandbox's storage.
 */
final class HandleOffEventLoop implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).subscribeOn(Schedulers.parallel());
	}

}

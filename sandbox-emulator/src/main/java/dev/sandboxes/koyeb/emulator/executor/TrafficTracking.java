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

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.sandboxes.koyeb.emulator.runtime.CommandExecution;

/**
 * Ends a sandbox's request once its response has been written to the end, streamed bodies
 * included, so that idle time counts from the end of the last request; and kills the command the
 * request started, should the request end (a client gone, a failure) before the command did.
 */
public final class TrafficTracking implements WebFilter {

	private static final String TARGET = TrafficTracking.class.getName() + ".target";

	private static final String COMMAND = TrafficTracking.class.getName() + ".command";

	/**
	 * Create the filter.
	 */
	public TrafficTracking() {
	}

	/**
	 * Record that a request has entered a sandbox.
	 * @param request the request
	 * @param target the sandbox, already {@link ExecutorTarget#enter() entered}
	 */
	static void entered(ServerRequest request, ExecutorTarget target) {
		request.exchange().getAttributes().put(TARGET, target);
	}

	/**
	 * Record a command the request started, to be killed when the request ends. Killing a
	 * command that has exited does nothing.
	 * @param request the request
	 * @param command the command
	 */
	static void started(ServerRequest request, CommandExecution command) {
		request.exchange().getAttributes().put(COMMAND, command);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).doFinally((signal) -> {
			if (exchange.getAttributes().remove(COMMAND) instanceof CommandExecution command) {
				command.kill();
			}
			if (exchange.getAttributes().remove(TARGET) instanceof ExecutorTarget entered) {
				entered.exit();
			}
		});
	}

}

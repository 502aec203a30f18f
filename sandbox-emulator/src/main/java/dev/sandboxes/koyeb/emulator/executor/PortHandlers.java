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

import java.util.OptionalInt;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /bind_port} and {@code /unbind_port}: the one sandbox port that exposed traffic is
 * forwarded to.
 */
final class PortHandlers {

	private PortHandlers() {
	}

	static Mono<ServerResponse> bind(ExecutorCall call) {
		String port = call.json().string("port");
		if (port.isEmpty()) {
			return ExecutorReplies.text(HttpStatus.BAD_REQUEST, "Port is required");
		}
		int number = parsePort(port);
		if (number < 1) {
			return ExecutorReplies.text(HttpStatus.BAD_REQUEST, "Invalid port: " + port);
		}
		OptionalInt current = call.sandbox().portBinding().bind(number);
		if (current.isPresent()) {
			return ExecutorReplies.json(HttpStatus.CONFLICT,
					GoJson.object()
						.string("current_port", Integer.toString(current.getAsInt()))
						.string("error", "Port already bound")
						.bool("success", false));
		}
		return ExecutorReplies.json(GoJson.object()
			.string("message", "Port binding configured")
			.string("port", Integer.toString(number))
			.bool("success", true));
	}

	static Mono<ServerResponse> unbind(ExecutorCall call) {
		call.sandbox().portBinding().unbind();
		return ExecutorReplies.json(GoJson.object().string("message", "Port binding removed").bool("success", true));
	}

	private static int parsePort(String port) {
		try {
			int number = Integer.parseInt(port);
			return (number <= 65535) ? number : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}

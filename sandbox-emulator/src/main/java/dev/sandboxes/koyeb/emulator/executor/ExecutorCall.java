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

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;

/**
 * One authenticated executor request, with its body read.
 */
final class ExecutorCall {

	private final ServerRequest request;

	private final RuntimeSandbox sandbox;

	private final byte[] body;

	/**
	 * Create a call.
	 * @param request the request
	 * @param sandbox the sandbox it is for
	 * @param body the body bytes, empty when none was sent
	 */
	ExecutorCall(ServerRequest request, RuntimeSandbox sandbox, byte[] body) {
		this.request = request;
		this.sandbox = sandbox;
		this.body = body;
	}

	ServerRequest request() {
		return this.request;
	}

	RuntimeSandbox sandbox() {
		return this.sandbox;
	}

	/**
	 * The body as a JSON object.
	 * @return the fields
	 * @throws ExecutorRequests.InvalidRequestException when the body is not a JSON object
	 */
	ExecutorRequests json() {
		return ExecutorRequests.parse(this.body).orElseThrow(ExecutorRequests.InvalidRequestException::new);
	}

	boolean is(HttpMethod method) {
		return this.request.method().equals(method);
	}

}

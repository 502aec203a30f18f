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

import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;

/**
 * Lets a request into its sandbox, off the event loop (waking a sleeping sandbox may wait for
 * its reset), and arranges for the request to be let out once its response is written, or
 * abandoned, even while it was still waiting to get in.
 */
final class Entry {

	private Entry() {
	}

	/**
	 * Enter a sandbox.
	 * @param request the request
	 * @param target the sandbox
	 * @return the sandbox's runtime, or empty if it was deleted or replaced meanwhile
	 */
	static Mono<RuntimeSandbox> enter(ServerRequest request, ExecutorTarget target) {
		return OffEventLoop.call(() -> {
			RuntimeSandbox sandbox = target.enter();
			TrafficTracking.entered(request, target);
			return sandbox;
		}).onErrorResume(IllegalStateException.class, (ex) -> Mono.empty());
	}

}

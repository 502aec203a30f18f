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

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking work, such as entering a sandbox or starting a command, where blocking is
 * allowed: moved to a bounded elastic thread when called from an event loop, and run at once on
 * a thread that may block already, which saves a request one hand-off between threads per step.
 */
final class OffEventLoop {

	private OffEventLoop() {
	}

	static <T> Mono<T> call(Callable<T> work) {
		return Mono.defer(() -> Schedulers.isInNonBlockingThread()
				? Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()) : Mono.fromCallable(work));
	}

}

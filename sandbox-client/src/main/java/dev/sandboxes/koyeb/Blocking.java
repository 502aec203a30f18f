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

package dev.sandboxes.koyeb;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Waits for reactive operations on behalf of the blocking API. Every operation carries its
 * own deadline, so the wait is bounded; failures surface as {@link SandboxException}s.
 */
final class Blocking {

	private Blocking() {
	}

	static <T> T get(Mono<T> mono, String operation) {
		T value = getOrNull(mono);
		if (value == null) {
			throw new SandboxException(operation + " completed without a result");
		}
		return value;
	}

	static <T> @Nullable T getOrNull(Mono<T> mono) {
		try {
			return mono.block();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	static void run(Mono<?> mono) {
		getOrNull(mono);
	}

	static SandboxException translate(RuntimeException ex) {
		Throwable cause = Exceptions.unwrap(ex);
		if (cause instanceof SandboxException sandboxException) {
			return sandboxException;
		}
		if (cause instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			return new SandboxException("Interrupted while waiting for a sandbox operation", cause);
		}
		return new SandboxException("Sandbox operation failed: " + cause, cause);
	}

}

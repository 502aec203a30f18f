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

package dev.sandboxes.koyeb.emulator.runtime;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The single port a sandbox's executor forwards exposed traffic to, as {@code /bind_port} sets it.
 *
 * @since 0.1.0
 */
public final class PortBinding {

	private static final int NONE = 0;

	private final AtomicInteger port = new AtomicInteger(NONE);

	/**
	 * Create a binding with no port bound.
	 */
	public PortBinding() {
	}

	/**
	 * Bind a port unless one is bound already.
	 * @param port the port
	 * @return empty when bound, else the port bound before
	 */
	public OptionalInt bind(int port) {
		int witness = this.port.compareAndExchange(NONE, port);
		return (witness != NONE) ? OptionalInt.of(witness) : OptionalInt.empty();
	}

	/**
	 * Remove the binding, if any.
	 */
	public void unbind() {
		this.port.set(NONE);
	}

	/**
	 * The bound port.
	 * @return the port, or empty when none is bound
	 */
	public OptionalInt bound() {
		int current = this.port.get();
		return (current != NONE) ? OptionalInt.of(current) : OptionalInt.empty();
	}

}

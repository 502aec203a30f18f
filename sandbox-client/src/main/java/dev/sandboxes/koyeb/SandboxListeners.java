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

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SandboxListener} that tells several listeners, in order, each shielded from the
 * others and from the operation that notifies them: what a listener throws is logged and
 * ignored.
 *
 * @since 0.1.0
 */
public final class SandboxListeners implements SandboxListener {

	private static final Logger logger = LoggerFactory.getLogger(SandboxListeners.class);

	private final List<? extends SandboxListener> listeners;

	/**
	 * Create an instance.
	 * @param listeners the listeners to tell, in order
	 */
	public SandboxListeners(List<? extends SandboxListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void created(String id, String name) {
		notifyAll("created", (listener) -> listener.created(id, name));
	}

	@Override
	public void operationStarted(String id) {
		notifyAll("operationStarted", (listener) -> listener.operationStarted(id));
	}

	@Override
	public void operationFinished(String id) {
		notifyAll("operationFinished", (listener) -> listener.operationFinished(id));
	}

	@Override
	public void deleted(String id) {
		notifyAll("deleted", (listener) -> listener.deleted(id));
	}

	private void notifyAll(String event, Consumer<SandboxListener> notification) {
		for (SandboxListener listener : this.listeners) {
			try {
				notification.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Sandbox listener {} failed on '{}': {}", listener, event, ex.toString());
			}
		}
	}

}

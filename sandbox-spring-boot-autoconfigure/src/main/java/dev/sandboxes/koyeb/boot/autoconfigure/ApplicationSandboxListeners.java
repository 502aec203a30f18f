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
package dev.sandboxes.koyeb.boot.autoconfigure;

import dev.sandboxes.koyeb.SandboxListener;
import dev.sandboxes.koyeb.SandboxListeners;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link SandboxListener} beans, looked up at the first event rather than
 * when the template is built, so that a listener may itself depend on the template.
 */
final class ApplicationSandboxListeners implements SandboxListener {

	private final ObjectProvider<SandboxListener> provider;

	private volatile @Nullable SandboxListeners listeners;

	ApplicationSandboxListeners(ObjectProvider<SandboxListener> provider) {
		this.provider = provider;
	}

	private SandboxListeners listeners() {
		SandboxListeners resolved = this.listeners;
		if (resolved == null) {
			resolved = new SandboxListeners(this.provider.orderedStream().toList());
			this.listeners = resolved;
		}
		return resolved;
	}

	@Override
	public void created(String id, String name) {
		listeners().created(id, name);
	}

	@Override
	public void operationStarted(String id) {
		listeners().operationStarted(id);
	}

	@Override
	public void operationFinished(String id) {
		listeners().operationFinished(id);
	}

	@Override
	public void deleted(String id) {
		listeners().deleted(id);
	}

}

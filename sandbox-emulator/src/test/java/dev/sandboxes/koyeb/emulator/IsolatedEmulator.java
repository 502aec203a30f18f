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

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.runtime.Bubblewrap;

/**
 * An emulator whose sandboxes bubblewrap isolates, started before a test class and stopped after
 * it; the class is skipped where bubblewrap does not work (or fails, where it is required).
 */
final class IsolatedEmulator implements BeforeAllCallback, AfterAllCallback {

	private final UnaryOperator<KoyebEmulator.Builder> configuration;

	private KoyebEmulator emulator;

	private IsolatedEmulator(UnaryOperator<KoyebEmulator.Builder> configuration) {
		this.configuration = configuration;
	}

	static IsolatedEmulator withDefaults() {
		return configured(UnaryOperator.identity());
	}

	static IsolatedEmulator configured(UnaryOperator<KoyebEmulator.Builder> configuration) {
		return new IsolatedEmulator(configuration);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Bubblewrap.assumeAvailable();
		this.emulator = this.configuration.apply(KoyebEmulator.builder()).start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
	}

	KoyebEmulator get() {
		return this.emulator;
	}

	String baseUrl() {
		return this.emulator.baseUrl();
	}

	/**
	 * A template of our client pointed at the emulator.
	 */
	SandboxTemplate template() {
		return SandboxTemplate.builder().baseUrl(baseUrl()).apiToken("test-token").build();
	}

}

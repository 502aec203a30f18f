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

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTemplateBuilder;
import dev.sandboxes.koyeb.emulator.runtime.Bubblewrap;
import dev.sandboxes.koyeb.emulator.runtime.Docker;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * An emulator whose sandboxes are isolated, by bubblewrap or as Docker containers, started before a
 * test class and stopped after it; the class is skipped where the runtime does not work (or fails,
 * where it is required).
 */
final class IsolatedEmulator implements BeforeAllCallback, AfterAllCallback {

	private final Runnable assumption;

	private final UnaryOperator<KoyebEmulator.Builder> configuration;

	private final @Nullable String image;

	private KoyebEmulator emulator;

	private @Nullable SandboxTemplate template;

	private IsolatedEmulator(Runnable assumption, UnaryOperator<KoyebEmulator.Builder> configuration,
			@Nullable String image) {
		this.assumption = assumption;
		this.configuration = configuration;
		this.image = image;
	}

	static IsolatedEmulator withDefaults() {
		return configured(UnaryOperator.identity());
	}

	static IsolatedEmulator configured(UnaryOperator<KoyebEmulator.Builder> configuration) {
		return new IsolatedEmulator(Bubblewrap::assumeAvailable, configuration, null);
	}

	/**
	 * An emulator running each sandbox as a container, of the given image unless its spec names
	 * another.
	 */
	static IsolatedEmulator onDocker(String image) {
		return new IsolatedEmulator(Docker::assumeAvailable, (builder) -> builder.runtime(RuntimeMode.DOCKER), image);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.assumption.run();
		this.emulator = this.configuration.apply(KoyebEmulator.builder()).start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
			this.template = null;
		}
	}

	KoyebEmulator get() {
		return this.emulator;
	}

	String baseUrl() {
		return this.emulator.baseUrl();
	}

	/**
	 * A builder of our client's templates pointed at the emulator.
	 */
	SandboxTemplateBuilder templateBuilder() {
		SandboxTemplateBuilder builder = SandboxTemplate.builder().baseUrl(baseUrl()).apiToken("test-token");
		return (this.image != null) ? builder.image(this.image) : builder;
	}

	/**
	 * A template of our client pointed at the emulator, the same for every test of the class.
	 */
	SandboxTemplate template() {
		if (this.template == null) {
			this.template = templateBuilder().build();
		}
		return this.template;
	}

}

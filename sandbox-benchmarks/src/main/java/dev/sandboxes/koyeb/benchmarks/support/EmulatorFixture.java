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


package dev.sandboxes.koyeb.benchmarks.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * An embedded emulator on loopback with a {@link SandboxTemplate} pointed at it, as an
 * application would set them up. Closing it stops the emulator, which removes every sandbox.
 *
 * @since 0.1.0
 */
public final class EmulatorFixture implements AutoCloseable {

	private static final String API_TOKEN = "benchmark-api-token";

	private final KoyebEmulator emulator;

	private final SandboxTemplate template;

	private EmulatorFixture(KoyebEmulator emulator) {
		this.emulator = emulator;
		this.template = SandboxTemplate.builder().baseUrl(emulator.baseUrl()).apiToken(API_TOKEN).build();
	}

	/**
	 * Start an emulator.
	 * @param runtime where its sandboxes run
	 * @return the fixture
	 */
	public static EmulatorFixture start(RuntimeMode runtime) {
		return new EmulatorFixture(KoyebEmulator.builder().runtime(runtime).apiToken(API_TOKEN).start());
	}

	/**
	 * Return the template, with the client's default settings.
	 * @return the template
	 */
	public SandboxTemplate template() {
		return this.template;
	}

	/**
	 * Create a sandbox with the default spec and wait until it answers.
	 * @return the sandbox
	 */
	public Sandbox createSandbox() {
		return this.template.create(SandboxSpec.builder().build());
	}

	/**
	 * Create sandboxes one after the other.
	 * @param count how many
	 * @return the sandboxes
	 */
	public List<Sandbox> createSandboxes(int count) {
		List<Sandbox> sandboxes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			sandboxes.add(createSandbox());
		}
		return sandboxes;
	}

	/**
	 * Read where a sandbox's executor is reached from the emulator's control plane, as a
	 * client without this library would.
	 * @param sandboxId the sandbox (service) id
	 * @return the executor's address and secret
	 */
	public RawExecutorAddress rawAddress(String sandboxId) {
		return RawExecutorAddress.lookUp(URI.create(this.emulator.baseUrl()), API_TOKEN, sandboxId);
	}

	@Override
	public void close() {
		this.emulator.close();
	}

}

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

package dev.sandboxes.koyeb.ai;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import dev.sandboxes.koyeb.emulator.runtime.Bubblewrap;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * An emulator whose sandboxes are host processes isolated by bubblewrap, so that the
 * host's {@code python3} runs in them; started by a test, outside any application
 * context, so that what a context leaves behind can be checked after it closed. Tests
 * using it are skipped where bubblewrap does not work, unless the build requires it.
 */
public final class TestEmulator implements AutoCloseable {

	public static final String API_TOKEN = "sandbox-ai-test-token";

	private final KoyebEmulator emulator;

	public TestEmulator() {
		this(Duration.ZERO, Clock.systemUTC());
	}

	/**
	 * Start an emulator.
	 * @param deploymentStepDelay how long each status of a new deployment lasts
	 */
	public TestEmulator(Duration deploymentStepDelay) {
		this(deploymentStepDelay, Clock.systemUTC());
	}

	/**
	 * Start an emulator whose sandboxes age with the given clock.
	 * @param clock the clock lifetimes and idle timeouts are measured with
	 */
	public TestEmulator(Clock clock) {
		this(Duration.ZERO, clock);
	}

	private TestEmulator(Duration deploymentStepDelay, Clock clock) {
		Bubblewrap.assumeAvailable();
		this.emulator = KoyebEmulator.builder()
			.apiToken(API_TOKEN)
			.runtime(RuntimeMode.BUBBLEWRAP)
			.deploymentStepDelay(deploymentStepDelay)
			.clock(clock)
			.start();
	}

	public SandboxTemplate template() {
		return SandboxTemplate.builder().apiToken(API_TOKEN).baseUrl(this.emulator.baseUrl()).build();
	}

	/**
	 * Return the properties that point an application at this emulator.
	 */
	public String[] properties() {
		return new String[] { "koyeb.sandbox.api-token=" + API_TOKEN,
				"koyeb.sandbox.base-url=" + this.emulator.baseUrl() };
	}

	/**
	 * Return the sandboxes that exist and are not being deleted.
	 */
	public List<ServiceView> liveSandboxes() {
		return this.emulator.services()
			.stream()
			.filter((service) -> !List.of("DELETING", "DELETED").contains(service.status()))
			.toList();
	}

	/**
	 * Return every sandbox ever created, deleted ones included.
	 */
	public List<ServiceView> allSandboxes() {
		return this.emulator.services();
	}

	@Override
	public void close() {
		this.emulator.close();
	}

}

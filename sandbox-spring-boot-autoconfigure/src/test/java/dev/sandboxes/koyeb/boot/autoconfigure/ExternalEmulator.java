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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * An emulator started by a test, outside any application context, so that sandboxes
 * outlive the contexts that made them and several contexts can share it. Its time is a
 * clock the test controls, and the connection details it hands out carry that clock.
 */
public final class ExternalEmulator implements AutoCloseable {

	public static final String API_TOKEN = "external-emulator-token";

	private final KoyebEmulator emulator;

	/**
	 * Start an emulator whose time is the given clock's.
	 * @param clock the clock, shared with the application under test
	 * @param deploymentStepDelay how long each deployment status lasts
	 */
	public ExternalEmulator(Clock clock, Duration deploymentStepDelay) {
		this.emulator = KoyebEmulator.builder()
			.apiToken(API_TOKEN)
			.runtime(RuntimeMode.PLAIN)
			.clock(clock)
			.deploymentStepDelay(deploymentStepDelay)
			.start();
	}

	public KoyebEmulator emulator() {
		return this.emulator;
	}

	public SandboxConnectionDetails connectionDetails() {
		return new SandboxConnectionDetails() {

			@Override
			public URI getBaseUrl() {
				return URI.create(ExternalEmulator.this.emulator.baseUrl());
			}

			@Override
			public String getApiToken() {
				return API_TOKEN;
			}

			@Override
			public boolean isEmulator() {
				return true;
			}

			@Override
			public Clock getClock() {
				return ExternalEmulator.this.emulator.clock();
			}

		};
	}

	/**
	 * Return a template of another owner on this emulator.
	 */
	public SandboxTemplate template(String owner) {
		return SandboxTemplate.builder()
			.apiToken(API_TOKEN)
			.baseUrl(this.emulator.baseUrl())
			.clock(this.emulator.clock())
			.owner(SandboxOwner.of(owner))
			.build();
	}

	/**
	 * Return whether a sandbox exists and is not being deleted.
	 */
	public boolean exists(String id) {
		return this.emulator.services()
			.stream()
			.anyMatch((service) -> service.id().equals(id) && !List.of("DELETING", "DELETED").contains(service.status()));
	}

	public List<ServiceView> services() {
		return this.emulator.services();
	}

	@Override
	public void close() {
		this.emulator.close();
	}

}

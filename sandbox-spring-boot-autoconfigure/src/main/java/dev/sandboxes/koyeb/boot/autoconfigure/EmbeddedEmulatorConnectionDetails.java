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
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SandboxConnectionDetails} of an embedded emulator, which it starts and stops. The
 * emulator gets a random API token, so that code running in its sandboxes cannot use the
 * emulator's API even though it can reach it on the loopback interface.
 */
final class EmbeddedEmulatorConnectionDetails implements SandboxConnectionDetails, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedEmulatorConnectionDetails.class);

	private static final SecureRandom random = new SecureRandom();

	private final KoyebEmulator emulator;

	private final String apiToken;

	private EmbeddedEmulatorConnectionDetails(KoyebEmulator emulator, String apiToken) {
		this.emulator = emulator;
		this.apiToken = apiToken;
	}

	static EmbeddedEmulatorConnectionDetails start(SandboxProperties.Emulator properties) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String apiToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		KoyebEmulator emulator = KoyebEmulator.builder()
			.port(properties.getPort())
			.runtime(RuntimeMode.valueOf(properties.getRuntime().name()))
			.timeScale(properties.getTimeScale())
			.apiToken(apiToken)
			.start();
		logger.info("Koyeb Sandbox runs on an embedded emulator at {} (runtime {}{}{}) because no API token is set; "
				+ "set {}.api-token or KOYEB_API_TOKEN to use Koyeb", emulator.baseUrl(), emulator.runtimeName(),
				emulator.isolated() ? ", isolated" : ", NOT isolated",
				(properties.getTimeScale() > 1) ? ", time x" + properties.getTimeScale() : "", SandboxProperties.PREFIX);
		return new EmbeddedEmulatorConnectionDetails(emulator, apiToken);
	}

	KoyebEmulator emulator() {
		return this.emulator;
	}

	@Override
	public URI getBaseUrl() {
		return URI.create(this.emulator.baseUrl());
	}

	@Override
	public String getApiToken() {
		return this.apiToken;
	}

	@Override
	public boolean isEmulator() {
		return true;
	}

	@Override
	public Clock getClock() {
		return this.emulator.clock();
	}

	@Override
	public void close() {
		this.emulator.close();
	}

	@Override
	public String toString() {
		return "EmbeddedEmulatorConnectionDetails[baseUrl=" + this.emulator.baseUrl() + "]";
	}

}

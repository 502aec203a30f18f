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
package dev.sandboxes.koyeb.boot.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;

import dev.sandboxes.koyeb.SandboxAuthenticationException;
import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of the endpoint that sandboxes run on, Koyeb or an emulator: up
 * when it answers one request for the first page of sandboxes, down when it rejects the
 * API token, cannot be reached or fails to answer. Its details name the endpoint, its base
 * URL, the owner and how many of the owner's sandboxes exist as far as this instance knows
 * (the reaper's runs keep that count current), never the API token.
 *
 * @since 0.1.0
 */
public final class SandboxHealthIndicator extends AbstractHealthIndicator {

	private final OwnedSandboxes sandboxes;

	private final SandboxConnectionDetails connectionDetails;

	/**
	 * Create an indicator.
	 * @param sandboxes the application's sandboxes, listed as the probe
	 * @param connectionDetails the details of the endpoint
	 */
	public SandboxHealthIndicator(OwnedSandboxes sandboxes, SandboxConnectionDetails connectionDetails) {
		super("Koyeb Sandbox health check failed");
		this.sandboxes = sandboxes;
		this.connectionDetails = connectionDetails;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean emulator = this.connectionDetails.isEmulator();
		String baseUrl = withoutUserInfo(this.connectionDetails.getBaseUrl());
		builder.withDetail("endpoint", emulator ? "emulator" : "koyeb")
			.withDetail("baseUrl", baseUrl)
			.withDetail("owner", this.sandboxes.inventory().owner().tag());
		String endpoint = (emulator ? "The Koyeb emulator at " : "Koyeb at ") + baseUrl;
		try {
			this.sandboxes.probe();
			builder.up().withDetail("sandboxes", this.sandboxes.inventory().activeCount());
		}
		catch (SandboxAuthenticationException ex) {
			builder.down()
				.withDetail("reason", endpoint + " rejected the API token (HTTP " + ex.getStatusCode() + ")");
		}
		catch (SandboxConnectionException | SandboxTimeoutException ex) {
			builder.down().withDetail("reason", endpoint + " is unreachable: " + ex.getMessage());
		}
		catch (SandboxException ex) {
			builder.down().withDetail("reason", endpoint + " could not list sandboxes: " + ex.getMessage());
		}
	}

	/**
	 * Return a URL without the user information it may carry, which can be a credential.
	 */
	private static String withoutUserInfo(URI url) {
		if (url.getRawUserInfo() == null) {
			return url.toString();
		}
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.getScheme() + "://" + url.getHost();
		}
	}

}

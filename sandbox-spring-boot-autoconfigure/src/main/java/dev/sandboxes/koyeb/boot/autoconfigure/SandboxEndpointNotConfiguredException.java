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

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when sandboxes have nowhere to run: no API token is set and no
 * embedded emulator is available.
 *
 * @since 0.1.0
 */
public class SandboxEndpointNotConfiguredException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/** The base URL configured without a token, or {@code null} if none was. */
	private final @Nullable URI baseUrl;

	/**
	 * Create an instance.
	 * @param baseUrl the base URL that was configured without a token, or {@code null} if
	 * none was
	 */
	public SandboxEndpointNotConfiguredException(@Nullable URI baseUrl) {
		super("No Koyeb Sandbox endpoint: " + SandboxProperties.PREFIX + ".api-token is not set"
				+ ((baseUrl != null) ? " for the base URL " + baseUrl : " and no embedded emulator is running"));
		this.baseUrl = baseUrl;
	}

	/**
	 * Return the base URL that was configured without a token.
	 * @return the base URL, or {@code null} if none was configured
	 */
	public @Nullable URI getBaseUrl() {
		return this.baseUrl;
	}

}

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

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link SandboxConnectionDetails} from {@link SandboxProperties}, with the
 * {@value #TOKEN_VARIABLE} environment variable as the token's fallback.
 */
final class PropertiesSandboxConnectionDetails implements SandboxConnectionDetails {

	static final String TOKEN_VARIABLE = "KOYEB_API_TOKEN";

	private static final URI KOYEB_BASE_URL = new SandboxProperties().getBaseUrl();

	private final SandboxProperties properties;

	private final Environment environment;

	PropertiesSandboxConnectionDetails(SandboxProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public URI getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public String getApiToken() {
		String token = apiToken(this.properties.getApiToken(), this.environment);
		if (token == null) {
			URI baseUrl = this.properties.getBaseUrl();
			throw new SandboxEndpointNotConfiguredException(KOYEB_BASE_URL.equals(baseUrl) ? null : baseUrl);
		}
		return token;
	}

	/**
	 * Return the configured API token, if any: the property, else the environment
	 * variable.
	 */
	static @Nullable String apiToken(@Nullable String configured, Environment environment) {
		String token = configured;
		if (!isSet(token)) {
			token = environment.getProperty(TOKEN_VARIABLE);
		}
		return isSet(token) ? token : null;
	}

	/**
	 * Tell whether a token is set: not blank, and not a placeholder left unresolved (as
	 * {@code ${KOYEB_API_TOKEN}} is where the variable is missing).
	 */
	private static boolean isSet(@Nullable String token) {
		return StringUtils.hasText(token) && !token.contains("${");
	}

	@Override
	public String toString() {
		return "PropertiesSandboxConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}

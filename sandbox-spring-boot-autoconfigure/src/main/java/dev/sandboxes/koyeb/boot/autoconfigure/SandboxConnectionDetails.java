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

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details of the endpoint that sandboxes are created on: Koyeb, or an emulator speaking
 * its API. Everything that connects reads these, never the raw properties.
 *
 * @since 0.1.0
 */
public interface SandboxConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of the Koyeb API.
	 * @return the base URL
	 */
	URI getBaseUrl();

	/**
	 * Return the API token sent with every API call.
	 * @return the token
	 */
	String getApiToken();

	/**
	 * Return whether the endpoint is an emulator rather than Koyeb.
	 * @return whether it is an emulator
	 */
	default boolean isEmulator() {
		return false;
	}

	/**
	 * Return the clock that the endpoint's timestamps follow: an emulator with a time scale
	 * runs faster than the wall clock, and ages must be measured in its time.
	 * @return the clock
	 */
	default Clock getClock() {
		return Clock.systemUTC();
	}

}

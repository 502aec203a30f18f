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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.ClassUtils;

/**
 * Explains a {@link SandboxEndpointNotConfiguredException}: what is missing and what to
 * set.
 */
class SandboxEndpointFailureAnalyzer extends AbstractFailureAnalyzer<SandboxEndpointNotConfiguredException> {

	private static final String EMULATOR_CLASS = "dev.sandboxes.koyeb.emulator.KoyebEmulator";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SandboxEndpointNotConfiguredException cause) {
		String tokenSources = SandboxProperties.PREFIX + ".api-token or the "
				+ PropertiesSandboxConnectionDetails.TOKEN_VARIABLE + " environment variable";
		if (cause.getBaseUrl() != null) {
			return new FailureAnalysis(SandboxProperties.PREFIX + ".base-url is set to " + cause.getBaseUrl()
					+ " but no API token is set (" + tokenSources + ").",
					"Set " + tokenSources + ": for Koyeb, to a Koyeb API token; for an emulator, to the token it was "
							+ "started with, or to any value if it was started without one. To run sandboxes on "
							+ "an embedded emulator instead, remove " + SandboxProperties.PREFIX + ".base-url.",
					cause);
		}
		boolean emulatorPresent = ClassUtils.isPresent(EMULATOR_CLASS, getClass().getClassLoader());
		String description = "Sandboxes have nowhere to run: no Koyeb API token is set (" + tokenSources + "), and "
				+ (emulatorPresent ? "the embedded emulator is turned off (" + SandboxProperties.PREFIX
						+ ".emulator.enabled=false) or its auto-configuration is excluded."
						: "sandbox-emulator is not on the classpath.");
		String action = "To run sandboxes on Koyeb, set " + tokenSources + " to a Koyeb API token. "
				+ "To run them locally without an account, "
				+ (emulatorPresent ? "remove " + SandboxProperties.PREFIX
						+ ".emulator.enabled=false or the exclusion of SandboxEmulatorAutoConfiguration."
						: "add the dependency dev.sandboxes:sandbox-emulator.");
		return new FailureAnalysis(description, action, cause);
	}

}

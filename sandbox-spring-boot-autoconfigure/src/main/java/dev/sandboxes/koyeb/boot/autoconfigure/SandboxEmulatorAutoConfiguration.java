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

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of an embedded {@link KoyebEmulator},
 * started with the application context and stopped with it, when neither a Koyeb API token
 * nor a base URL is set and sandbox-emulator is on the classpath: the same code then runs
 * without a Koyeb account.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = SandboxAutoConfiguration.class)
@ConditionalOnClass({ SandboxTemplate.class, KoyebEmulator.class })
@ConditionalOnBooleanProperty(name = "koyeb.sandbox.emulator.enabled", matchIfMissing = true)
@ConditionalOnMissingBean({ SandboxConnectionDetails.class, KoyebEmulator.class })
@Conditional(NoEndpointConfiguredCondition.class)
@EnableConfigurationProperties(SandboxProperties.class)
public final class SandboxEmulatorAutoConfiguration {
	/**
	 * Create the auto-configuration.
	 */
	public SandboxEmulatorAutoConfiguration() {
	}


	@Bean(destroyMethod = "close")
	EmbeddedEmulatorConnectionDetails sandboxConnectionDetails(SandboxProperties properties) {
		return EmbeddedEmulatorConnectionDetails.start(properties.getEmulator());
	}

	@Bean(destroyMethod = "")
	KoyebEmulator koyebSandboxEmulator(EmbeddedEmulatorConnectionDetails sandboxConnectionDetails) {
		return sandboxConnectionDetails.emulator();
	}

}

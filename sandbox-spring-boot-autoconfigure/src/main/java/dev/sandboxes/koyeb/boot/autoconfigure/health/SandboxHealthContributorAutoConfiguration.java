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

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link SandboxHealthIndicator},
 * contributed as {@code koyebSandbox} and turned off with
 * {@code management.health.koyeb-sandbox.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SandboxAutoConfiguration.class)
@ConditionalOnClass({ SandboxTemplate.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(OwnedSandboxes.class)
@ConditionalOnEnabledHealthIndicator("koyeb-sandbox")
public final class SandboxHealthContributorAutoConfiguration {
	/**
	 * Create the auto-configuration.
	 */
	public SandboxHealthContributorAutoConfiguration() {
	}


	@Bean
	@ConditionalOnMissingBean(name = { "koyebSandboxHealthIndicator", "koyebSandboxHealthContributor" })
	SandboxHealthIndicator koyebSandboxHealthContributor(OwnedSandboxes sandboxes,
			SandboxConnectionDetails connectionDetails) {
		return new SandboxHealthIndicator(sandboxes, connectionDetails);
	}

}

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
package dev.sandboxes.koyeb.boot.autoconfigure.reaper;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link SandboxReaper} and of
 * the {@link SandboxShutdownCleanup}, each with its own switch.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SandboxAutoConfiguration.class)
@ConditionalOnClass(SandboxTemplate.class)
@ConditionalOnBean(OwnedSandboxes.class)
public final class SandboxReaperAutoConfiguration {
	/**
	 * Create the auto-configuration.
	 */
	public SandboxReaperAutoConfiguration() {
	}


	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "koyeb.sandbox.reaper.enabled", matchIfMissing = true)
	static class ReaperConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SandboxReaper sandboxReaper(OwnedSandboxes sandboxes, SandboxProperties properties) {
			SandboxProperties.Reaper reaper = properties.getReaper();
			return new SandboxReaper(sandboxes, reaper.getInterval(), reaper.getMaxAge(), reaper.getMaxIdle());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "koyeb.sandbox.delete-on-shutdown", matchIfMissing = true)
	static class ShutdownCleanupConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SandboxShutdownCleanup sandboxShutdownCleanup(OwnedSandboxes sandboxes, SandboxProperties properties) {
			return new SandboxShutdownCleanup(sandboxes, properties.getRequestTimeout());
		}

	}

}

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

package dev.sandboxes.koyeb.ai.autoconfigure;

import java.time.Clock;

import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.ai.SandboxToolCallbackProvider;
import dev.sandboxes.koyeb.ai.SandboxToolOptions;
import dev.sandboxes.koyeb.ai.SandboxToolSessions;
import dev.sandboxes.koyeb.ai.SandboxToolSessionsLifecycle;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the Spring AI sandbox tools: a
 * {@link SandboxToolCallbackProvider} for {@code ChatClient}s, backed by
 * {@link SandboxToolSessions} that give each conversation a sandbox of its own, created
 * through the application's {@link SandboxOperations}, and a lifecycle that deletes the
 * sandboxes of idle conversations and, when the context closes, of every conversation.
 * Active when Spring AI is on the classpath and a {@link SandboxOperations} bean exists.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SandboxAutoConfiguration.class)
@ConditionalOnClass({ ToolCallbackProvider.class, SandboxOperations.class })
@ConditionalOnBooleanProperty(name = SandboxToolsProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(SandboxOperations.class)
@EnableConfigurationProperties(SandboxToolsProperties.class)
public final class SandboxToolsAutoConfiguration {
	/**
	 * Create the auto-configuration.
	 */
	public SandboxToolsAutoConfiguration() {
	}


	@Bean
	@ConditionalOnMissingBean
	SandboxToolSessions sandboxToolSessions(SandboxOperations sandboxOperations, SandboxToolsProperties properties,
			ObjectProvider<SandboxConnectionDetails> connectionDetails) {
		SandboxSpec.Builder spec = SandboxSpec.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getImage).to(spec::image);
		map.from(properties::getInstanceType).to(spec::instanceType);
		map.from(properties::getRegion).to(spec::region);
		SandboxConnectionDetails details = connectionDetails.getIfAvailable();
		Clock clock = (details != null) ? details.getClock() : Clock.systemUTC();
		return new SandboxToolSessions(sandboxOperations, spec.build(), properties.getWorkingDirectory(),
				properties.getIdleTime(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SandboxToolSessionsLifecycle sandboxToolSessionsLifecycle(SandboxToolSessions sandboxToolSessions) {
		return new SandboxToolSessionsLifecycle(sandboxToolSessions);
	}

	@Bean
	@ConditionalOnMissingBean
	SandboxToolCallbackProvider sandboxToolCallbackProvider(SandboxToolSessions sandboxToolSessions,
			SandboxToolsProperties properties) {
		return new SandboxToolCallbackProvider(sandboxToolSessions, new SandboxToolOptions(properties.getCallTimeout(),
				properties.getOutputLimit(), properties.getDefaultConversationId()));
	}

}

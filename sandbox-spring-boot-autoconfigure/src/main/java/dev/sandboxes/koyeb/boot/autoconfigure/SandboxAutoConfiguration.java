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

import java.time.Duration;

import dev.sandboxes.koyeb.ReactiveSandboxOperations;
import dev.sandboxes.koyeb.ReactiveSandboxTemplate;
import dev.sandboxes.koyeb.SandboxLifecycle;
import dev.sandboxes.koyeb.SandboxListener;
import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTemplateBuilder;
import dev.sandboxes.koyeb.observation.SandboxObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link SandboxTemplate} and
 * {@link ReactiveSandboxTemplate}: the endpoint from {@link SandboxConnectionDetails}, the
 * defaults, lifecycle and caps from {@link SandboxProperties}, the application's
 * {@link WebClient.Builder} and {@link ObservationRegistry} when it has them, and an owner
 * written into every sandbox's name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(SandboxTemplate.class)
@EnableConfigurationProperties(SandboxProperties.class)
public final class SandboxAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SandboxAutoConfiguration.class);

	/**
	 * Owner of an application that names neither an owner nor itself.
	 */
	static final String DEFAULT_OWNER = "application";

	/**
	 * Create the auto-configuration.
	 */
	public SandboxAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(SandboxConnectionDetails.class)
	PropertiesSandboxConnectionDetails sandboxConnectionDetails(SandboxProperties properties, Environment environment) {
		return new PropertiesSandboxConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	SandboxOwner sandboxOwner(SandboxProperties properties, Environment environment) {
		String owner = properties.getOwner();
		if (owner == null) {
			owner = environment.getProperty("spring.application.name");
			if (owner != null && !owner.matches(".*[A-Za-z0-9].*")) {
				throw new IllegalStateException("spring.application.name '" + owner
						+ "' has no letter or digit to name the owner of sandboxes after: set "
						+ SandboxProperties.PREFIX + ".owner");
			}
		}
		if (owner == null) {
			Duration maxAge = properties.getReaper().getMaxAge();
			if (properties.getReaper().isEnabled() && (maxAge != null || properties.getReaper().getMaxIdle() != null)) {
				logger.warn("Neither {}.owner nor spring.application.name is set: sandboxes are owned by '{}', and "
						+ "the reaper of any other application without a name that shares this Koyeb account "
						+ "would treat them as its own", SandboxProperties.PREFIX, DEFAULT_OWNER);
			}
			owner = DEFAULT_OWNER;
		}
		return SandboxOwner.of(owner);
	}

	@Bean
	@ConditionalOnMissingBean
	SandboxInventory sandboxInventory(SandboxOwner owner, SandboxConnectionDetails connectionDetails) {
		return new SandboxInventory(owner, connectionDetails.getClock());
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	SandboxTemplateBuilder sandboxTemplateBuilder(SandboxProperties properties,
			SandboxConnectionDetails connectionDetails, SandboxOwner owner,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<SandboxObservationConvention> observationConvention,
			ObjectProvider<SandboxListener> listeners, ObjectProvider<SandboxTemplateBuilderCustomizer> customizers) {
		SandboxTemplateBuilder builder = SandboxTemplate.builder()
			.apiToken(connectionDetails.getApiToken())
			.baseUrl(connectionDetails.getBaseUrl())
			.clock(connectionDetails.getClock())
			.owner(owner)
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getRegion).to(builder::region);
		map.from(properties::getInstanceType).to(builder::instanceType);
		map.from(properties::getImage).to(builder::image);
		map.from(properties::getRequestTimeout).to(builder::requestTimeout);
		map.from(properties::getReadyTimeout).to(builder::readyTimeout);
		map.from(properties::getExecTimeout).to(builder::execTimeout);
		SandboxProperties.Lifecycle lifecycle = properties.getLifecycle();
		builder.defaultLifecycle(new SandboxLifecycle(lifecycle.getDeleteAfter(), lifecycle.getDeleteAfterInactivity()));
		builder.lifecycleCaps(
				new SandboxLifecycle(lifecycle.getMaxDeleteAfter(), lifecycle.getMaxDeleteAfterInactivity()));
		builder.webClientBuilder(webClientBuilder::getIfAvailable);
		observationConvention.ifAvailable(builder::observationConvention);
		builder.listener(new ApplicationSandboxListeners(listeners));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean(ReactiveSandboxOperations.class)
	ReactiveSandboxTemplate reactiveSandboxTemplate(SandboxTemplateBuilder sandboxTemplateBuilder) {
		return sandboxTemplateBuilder.buildReactive();
	}

	@Bean
	@ConditionalOnMissingBean(SandboxOperations.class)
	SandboxTemplate sandboxTemplate(ObjectProvider<ReactiveSandboxTemplate> reactiveSandboxTemplate,
			ObjectProvider<SandboxTemplateBuilder> sandboxTemplateBuilder) {
		return new SandboxTemplate(
				reactiveSandboxTemplate.getIfUnique(() -> sandboxTemplateBuilder.getObject().buildReactive()));
	}

	@Bean
	@ConditionalOnMissingBean
	OwnedSandboxes ownedSandboxes(ReactiveSandboxOperations reactiveSandboxOperations, SandboxInventory inventory,
			SandboxProperties properties) {
		return new OwnedSandboxes(reactiveSandboxOperations, inventory, properties.getRequestTimeout());
	}

}

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

import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxHealthContributorAutoConfiguration}.
 */
class SandboxHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class,
				SandboxHealthContributorAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.api-token=test-token", "koyeb.sandbox.base-url=http://localhost:1");

	@Test
	void runShouldCreateIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SandboxHealthIndicator.class)
			.hasBean("koyebSandboxHealthContributor"));
	}

	@Test
	void runShouldContributeIndicatorAsKoyebSandbox() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class))
			.run((context) -> {
				HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
				SandboxHealthIndicator indicator = context.getBean(SandboxHealthIndicator.class);
				assertThat(registry.getContributor("koyebSandbox")).isSameAs(indicator);
			});
	}

	@Test
	void runWhenDisabledShouldNotCreateIndicator() {
		this.contextRunner.withPropertyValues("management.health.koyeb-sandbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxHealthIndicator.class));
	}

	@Test
	void runWhenDefaultsDisabledShouldNotCreateIndicator() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxHealthIndicator.class));
	}

	@Test
	void runWhenDefaultsDisabledAndIndicatorEnabledShouldCreateIndicator() {
		this.contextRunner
			.withPropertyValues("management.health.defaults.enabled=false",
					"management.health.koyeb-sandbox.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(SandboxHealthIndicator.class));
	}

	@Test
	void runWhenUserDefinesIndicatorShouldBackOff() {
		this.contextRunner.withUserConfiguration(CustomIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(SandboxHealthIndicator.class)
				.doesNotHaveBean("koyebSandboxHealthContributor");
			assertThat(context.getBean("koyebSandboxHealthIndicator"))
				.isSameAs(context.getBean(CustomIndicatorConfiguration.class).indicator);
		});
	}

	@Test
	void runWithoutHealthClassesShouldNotCreateIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxHealthIndicator.class));
	}

	@Test
	void runWithoutSandboxAutoConfigurationShouldNotCreateIndicator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SandboxHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomIndicatorConfiguration {

		final HealthIndicator indicator = () -> Health.up().build();

		@Bean
		HealthIndicator koyebSandboxHealthIndicator() {
			return this.indicator;
		}

	}

}

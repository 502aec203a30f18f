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
package dev.sandboxes.koyeb.boot.autoconfigure.actuate;

import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxesEndpointAutoConfiguration}.
 */
class SandboxesEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SandboxAutoConfiguration.class, SandboxesEndpointAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.api-token=test-token", "koyeb.sandbox.base-url=http://localhost:1");

	@Test
	void runWhenExposedOverWebShouldCreateEndpointAndWebExtension() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=sandboxes")
			.run((context) -> assertThat(context).hasSingleBean(SandboxesEndpoint.class)
				.hasSingleBean(SandboxesEndpointWebExtension.class));
	}

	@Test
	void runWhenExposedOverWebWithAllEndpointsShouldCreateEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).hasSingleBean(SandboxesEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotCreateEndpoint() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SandboxesEndpoint.class)
			.doesNotHaveBean(SandboxesEndpointWebExtension.class));
	}

	@Test
	void runWhenExcludedFromWebExposureShouldNotCreateEndpoint() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"management.endpoints.web.exposure.exclude=sandboxes")
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxesEndpoint.class));
	}

	@Test
	void runWhenOnlyExposedOverJmxShouldCreateEndpointWithoutWebExtension() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=sandboxes")
			.run((context) -> assertThat(context).hasSingleBean(SandboxesEndpoint.class)
				.doesNotHaveBean(SandboxesEndpointWebExtension.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotCreateEndpoint() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=sandboxes",
					"management.endpoint.sandboxes.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxesEndpoint.class)
				.doesNotHaveBean(SandboxesEndpointWebExtension.class));
	}

	@Test
	void runWhenDefaultAccessIsNoneShouldNotCreateEndpoint() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=sandboxes",
					"management.endpoints.access.default=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxesEndpoint.class));
	}

	@Test
	void runWhenAccessIsReadOnlyShouldCreateEndpoint() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=sandboxes",
					"management.endpoint.sandboxes.access=READ_ONLY")
			.run((context) -> assertThat(context).hasSingleBean(SandboxesEndpoint.class));
	}

	@Test
	void runWhenThereIsNoOwnedSandboxesShouldNotCreateEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SandboxesEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=sandboxes")
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxesEndpoint.class));
	}

	@Test
	void runWhenUserDefinesEndpointShouldBackOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=sandboxes")
			.withUserConfiguration(CustomEndpointConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SandboxesEndpoint.class);
				assertThat(context.getBean(SandboxesEndpoint.class))
					.isSameAs(context.getBean("customSandboxesEndpoint"));
				assertThat(context).hasSingleBean(SandboxesEndpointWebExtension.class);
			});
	}

	@Test
	void runWhenUserDefinesWebExtensionShouldBackOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=sandboxes")
			.withUserConfiguration(CustomWebExtensionConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SandboxesEndpointWebExtension.class);
				assertThat(context.getBean(SandboxesEndpointWebExtension.class))
					.isSameAs(context.getBean("customSandboxesEndpointWebExtension"));
			});
	}

	@Test
	void runWithoutActuatorShouldNotCreateEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=sandboxes")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(OwnedSandboxes.class)
				.doesNotHaveBean(SandboxesEndpoint.class));
	}

	@Test
	void runWithoutActuatorAutoConfigureShouldNotCreateEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=sandboxes")
			.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(OwnedSandboxes.class)
				.doesNotHaveBean(SandboxesEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomEndpointConfiguration {

		@Bean
		SandboxesEndpoint customSandboxesEndpoint(OwnedSandboxes sandboxes) {
			return new SandboxesEndpoint(sandboxes);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomWebExtensionConfiguration {

		@Bean
		SandboxesEndpointWebExtension customSandboxesEndpointWebExtension(OwnedSandboxes sandboxes) {
			return new SandboxesEndpointWebExtension(new SandboxesEndpoint(sandboxes));
		}

	}

}

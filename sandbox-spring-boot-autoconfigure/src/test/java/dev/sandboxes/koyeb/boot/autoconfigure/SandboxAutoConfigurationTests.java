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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.ReactiveSandboxOperations;
import dev.sandboxes.koyeb.ReactiveSandboxTemplate;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxListener;
import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTemplateBuilder;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SandboxAutoConfiguration}.
 */
class SandboxAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.api-token=test-token", "koyeb.sandbox.base-url=http://localhost:1");

	@Test
	void tokenSetCreatesBothTemplatesOnKoyebsEndpoint() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
			.withPropertyValues("koyeb.sandbox.api-token=test-token")
			.run((context) -> {
				assertThat(context).hasSingleBean(SandboxTemplate.class)
					.hasSingleBean(ReactiveSandboxTemplate.class)
					.hasSingleBean(OwnedSandboxes.class)
					.hasSingleBean(SandboxInventory.class);
				SandboxConnectionDetails details = context.getBean(SandboxConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo(URI.create("https://app.koyeb.com"));
				assertThat(details.isEmulator()).isFalse();
				assertThat(context.getBean(SandboxTemplate.class).reactive())
					.isSameAs(context.getBean(ReactiveSandboxTemplate.class));
				assertThat(context.getBean(SandboxTemplate.class)).hasToString(
						"SandboxTemplate[ReactiveSandboxTemplate[baseUrl=https://app.koyeb.com]]");
			});
	}

	@Test
	void tokenIsReadFromTheKoyebApiTokenVariable() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
			.withSystemProperties("KOYEB_API_TOKEN=from-variable")
			.run((context) -> assertThat(context.getBean(SandboxConnectionDetails.class).getApiToken())
				.isEqualTo("from-variable"));
	}

	@Test
	void ownerDefaultsToTheApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=Orders API")
			.run((context) -> assertThat(context.getBean(SandboxOwner.class).tag()).isEqualTo("orders-api"));
	}

	@Test
	void ownerPropertyWinsOverTheApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=orders", "koyeb.sandbox.owner=billing")
			.run((context) -> assertThat(context.getBean(SandboxOwner.class).tag()).isEqualTo("billing"));
	}

	@Test
	void ownerWithoutAnyNameIsApplication() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(SandboxOwner.class).tag()).isEqualTo("application"));
	}

	@Test
	void templateBuilderIsAFreshPrototypeCarryingTheProperties() {
		this.contextRunner
			.withPropertyValues("koyeb.sandbox.region=fra", "koyeb.sandbox.instance-type=small",
					"spring.application.name=builder-test")
			.run((context) -> {
				SandboxTemplateBuilder first = context.getBean(SandboxTemplateBuilder.class);
				assertThat(first).isNotSameAs(context.getBean(SandboxTemplateBuilder.class));
				assertThat(first).hasToString("SandboxTemplateBuilder[baseUrl=http://localhost:1, region=fra, "
						+ "instanceType=small, owner=SandboxOwner[builder-test]]");
			});
	}

	@Test
	void lifecycleCapsApplyToTheTemplate() {
		this.contextRunner
			.withPropertyValues("koyeb.sandbox.lifecycle.max-delete-after=2h",
					"koyeb.sandbox.lifecycle.delete-after=1h")
			.run((context) -> assertThatExceptionOfType(InvalidSandboxSpecException.class)
				.isThrownBy(() -> context.getBean(SandboxTemplate.class)
					.create(SandboxSpec.builder().deleteAfter(Duration.ofHours(3)).build()))
				.withMessageContaining("7200 s"));
	}

	@Test
	void userOperationsMakeTheTemplatesBackOff() {
		this.contextRunner.withUserConfiguration(UserOperationsConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(SandboxTemplate.class);
			assertThat(context).doesNotHaveBean(ReactiveSandboxTemplate.class);
			assertThat(context.getBean(SandboxOperations.class))
				.isSameAs(context.getBean(UserOperationsConfiguration.class).operations);
			assertThat(context).hasSingleBean(OwnedSandboxes.class);
		});
	}

	@Test
	void userConnectionDetailsWinOverProperties() {
		this.contextRunner
			.withBean(SandboxConnectionDetails.class,
					() -> new FixedConnectionDetails("http://sandboxes.internal:8090", "from-details"))
			.run((context) -> assertThat(context.getBean(SandboxTemplate.class))
				.hasToString("SandboxTemplate[ReactiveSandboxTemplate[baseUrl=http://sandboxes.internal:8090]]"));
	}

	@Test
	void customizersRunAfterTheProperties() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.region=fra")
			.withBean("second", SandboxTemplateBuilderCustomizer.class, () -> (builder) -> builder.instanceType("large"))
			.withBean("first", SandboxTemplateBuilderCustomizer.class, () -> (builder) -> builder.region("was"))
			.run((context) -> assertThat(context.getBean(SandboxTemplateBuilder.class).toString())
				.contains("region=was", "instanceType=large"));
	}

	@Test
	void observationRegistryIsUsedWhenPresent() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> registry).run((context) -> {
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> context.getBean(SandboxTemplate.class).delete("svc-1"));
			assertThat(registry).hasObservationWithNameEqualTo("koyeb.sandbox.operation");
		});
	}

	@Test
	void applicationWebClientBuilderCarriesEveryRequest() {
		List<String> requests = new CopyOnWriteArrayList<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter((request, next) -> {
				requests.add(request.method() + " " + request.url());
				return next.exchange(request);
			}))
			.run((context) -> {
				assertThatExceptionOfType(SandboxException.class)
					.isThrownBy(() -> context.getBean(SandboxTemplate.class).delete("svc-1"));
				assertThat(requests).first().isEqualTo("DELETE http://localhost:1/v1/services/svc-1");
			});
	}

	@Test
	void applicationWebClientBuilderIsMadeWhenTheFirstRequestIsSentNotAtStartUp() {
		AtomicInteger customized = new AtomicInteger();
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withBean(WebClientCustomizer.class, () -> (builder) -> customized.incrementAndGet())
			.run((context) -> {
				SandboxTemplate template = context.getBean(SandboxTemplate.class);
				assertThat(customized).hasValue(0);
				assertThatExceptionOfType(SandboxException.class).isThrownBy(() -> template.delete("svc-1"));
				assertThatExceptionOfType(SandboxException.class).isThrownBy(() -> template.delete("svc-2"));
				assertThat(customized).hasValue(1);
			});
	}

	@Test
	void defaultsOfThePropertiesAreTheClientsDefaults() {
		SandboxProperties properties = new SandboxProperties();
		assertThat(properties.getRegion()).isEqualTo(SandboxTemplateBuilder.DEFAULT_REGION);
		assertThat(properties.getInstanceType()).isEqualTo(SandboxTemplateBuilder.DEFAULT_INSTANCE_TYPE);
		assertThat(properties.getImage()).isEqualTo(SandboxSpec.DEFAULT_IMAGE);
	}

	@Test
	void listenerBeanMayDependOnTheTemplate() {
		this.contextRunner.withUserConfiguration(AuditListenerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(SandboxException.class)
				.isThrownBy(() -> context.getBean(SandboxTemplate.class).create(SandboxSpec.builder().build()));
			assertThat(context.getBean(AuditListener.class).operations)
				.isSameAs(context.getBean(SandboxOperations.class));
		});
	}

	@Test
	void applicationNameWithoutLetterOrDigitFailsNamingTheOwnerProperty() {
		this.contextRunner.withPropertyValues("spring.application.name=---")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("spring.application.name '---' has no letter or digit to name the owner of sandboxes after:"
						+ " set koyeb.sandbox.owner"));
	}

	@Test
	void noTokenAndNoEmulatorFailsWithTheEndpointException() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(KoyebEmulator.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(SandboxEndpointNotConfiguredException.class));
	}

	@Test
	void missingClientLibraryTurnsEverythingOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SandboxTemplate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxConnectionDetails.class)
				.doesNotHaveBean(OwnedSandboxes.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditListenerConfiguration {

		@Bean
		AuditListener auditListener(SandboxOperations operations) {
			return new AuditListener(operations);
		}

	}

	static class AuditListener implements SandboxListener {

		final SandboxOperations operations;

		AuditListener(SandboxOperations operations) {
			this.operations = operations;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		final SandboxOperations operations = mock(SandboxOperations.class);

		final ReactiveSandboxOperations reactiveOperations = mock(ReactiveSandboxOperations.class);

		@Bean
		SandboxOperations userSandboxOperations() {
			return this.operations;
		}

		@Bean
		ReactiveSandboxOperations userReactiveSandboxOperations() {
			return this.reactiveOperations;
		}

	}

}

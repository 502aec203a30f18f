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
package dev.sandboxes.koyeb.boot.autoconfigure.metrics;

import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxInventory;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaperAutoConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxMetricsAutoConfiguration}.
 */
class SandboxMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, SandboxAutoConfiguration.class,
				SandboxMetricsAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.api-token=test-token", "koyeb.sandbox.base-url=http://localhost:1",
				"koyeb.sandbox.owner=metrics-test");

	@Test
	void runShouldBindSandboxMetersTaggedWithTheOwner() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(SandboxMeterBinder.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Gauge active = registry.get("koyeb.sandbox.active").tag("owner", "metrics-test").gauge();
			assertThat(active.value()).isZero();
			assertThat(active.getId().getBaseUnit()).isEqualTo("sandboxes");
			assertThat(active.getId().getDescription()).isNotBlank();
			FunctionCounter created = registry.get("koyeb.sandbox.created")
				.tag("owner", "metrics-test")
				.functionCounter();
			assertThat(created.count()).isZero();
			assertThat(created.getId().getBaseUnit()).isEqualTo("sandboxes");
			assertThat(registry.get("koyeb.sandbox.deleted").tag("owner", "metrics-test").functionCounters())
				.extracting((counter) -> counter.getId().getTag("reason"))
				.containsExactlyInAnyOrder("explicit", "max-age", "idle", "shutdown");
			assertThat(registry.find("koyeb.sandbox.reaper.runs").meters()).isEmpty();
			assertThat(registry.find("koyeb.sandbox.reaper.failures").meters()).isEmpty();
		});
	}

	@Test
	void metersFollowTheInventory() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			SandboxInventory inventory = context.getBean(SandboxInventory.class);
			inventory.created("id-1", "metrics-test--one");
			inventory.created("id-2", "metrics-test--two");
			inventory.deleting("id-1", DeletionReason.MAX_AGE);
			inventory.deleted("id-1");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("koyeb.sandbox.active").gauge().value()).isOne();
			assertThat(registry.get("koyeb.sandbox.created").functionCounter().count()).isEqualTo(2);
			assertThat(registry.get("koyeb.sandbox.deleted").tag("reason", "max-age").functionCounter().count())
				.isOne();
			assertThat(registry.get("koyeb.sandbox.deleted").tag("reason", "explicit").functionCounter().count())
				.isZero();
		});
	}

	@Test
	void runWithReaperShouldBindReaperMeters() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SandboxReaperAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				FunctionCounter runs = registry.get("koyeb.sandbox.reaper.runs")
					.tag("owner", "metrics-test")
					.functionCounter();
				assertThat(runs.count()).isZero();
				assertThat(runs.getId().getBaseUnit()).isEqualTo("runs");
				assertThat(registry.get("koyeb.sandbox.reaper.failures").functionCounter().count()).isZero();
			});
	}

	@Test
	void runWithReaperDisabledShouldNotBindReaperMeters() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SandboxReaperAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("koyeb.sandbox.reaper.enabled=false")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("koyeb.sandbox.active").gauge()).isNotNull();
				assertThat(registry.find("koyeb.sandbox.reaper.runs").meters()).isEmpty();
				assertThat(registry.find("koyeb.sandbox.reaper.failures").meters()).isEmpty();
			});
	}

	@Test
	void runWithoutMeterRegistryShouldNotCreateBinder() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SandboxMeterBinder.class));
	}

	@Test
	void runWithoutSandboxAutoConfigurationShouldNotCreateBinder() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SandboxMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxMeterBinder.class));
	}

	@Test
	void runWhenUserDefinesBinderShouldBackOff() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withUserConfiguration(CustomBinderConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(SandboxMeterBinder.class)
				.hasBean("customSandboxMeterBinder"));
	}

	@Test
	void runWithoutMicrometerShouldNotCreateBinder() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SandboxMeterBinder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomBinderConfiguration {

		@Bean
		SandboxMeterBinder customSandboxMeterBinder(SandboxInventory inventory) {
			return new SandboxMeterBinder(inventory, null);
		}

	}

}

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

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxEmulatorAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaperAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link SandboxMetricsAutoConfiguration}: sandbox counts and
 * operation timers of an application on an embedded emulator, with Spring Boot's metrics
 * and observation auto-configurations.
 */
class SandboxMetricsIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxEmulatorAutoConfiguration.class,
				SandboxAutoConfiguration.class, SandboxReaperAutoConfiguration.class,
				SandboxMetricsAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.emulator.runtime=plain", "koyeb.sandbox.owner=metrics-it");

	@Test
	void sandboxesAreCountedAndOperationsTimed() {
		this.contextRunner.run((context) -> {
			SandboxTemplate template = context.getBean(SandboxTemplate.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Sandbox kept = template.create(SandboxSpec.builder().name("kept").build());
			try {
				Sandbox deleted = template.create(SandboxSpec.builder().name("deleted").build());
				assertThat(kept.exec("echo hi").stdout()).isEqualTo("hi\n");
				deleted.delete();
				assertThat(registry.get("koyeb.sandbox.created").tag("owner", "metrics-it").functionCounter().count())
					.isEqualTo(2);
				assertThat(registry.get("koyeb.sandbox.deleted").tag("reason", "explicit").functionCounter().count())
					.isOne();
				assertThat(registry.get("koyeb.sandbox.active").gauge().value()).isOne();
				assertThat(registry.get("koyeb.sandbox.reaper.runs").functionCounter().count()).isZero();
				assertThat(operation(registry, "create").timer().count()).isEqualTo(2);
				assertThat(operation(registry, "exec").timer().count()).isOne();
				assertThat(operation(registry, "delete").timer().count()).isOne();
			}
			finally {
				kept.delete();
			}
		});
	}

	private static RequiredSearch operation(MeterRegistry registry, String operation) {
		return registry.get("koyeb.sandbox.operation").tag("operation", operation).tag("outcome", "SUCCESS");
	}

}

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

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxInventory;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaper;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaperAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link SandboxMeterBinder}, when
 * the application has a {@link MeterRegistry}. The duration of each sandbox operation is
 * not bound here: Spring Boot's metrics and observation auto-configurations record the
 * template's observations as the {@code koyeb.sandbox.operation} timer.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { SandboxAutoConfiguration.class, SandboxReaperAutoConfiguration.class }, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnClass({ SandboxTemplate.class, MeterRegistry.class })
@ConditionalOnBean({ MeterRegistry.class, SandboxInventory.class })
public final class SandboxMetricsAutoConfiguration {
	/**
	 * Create the auto-configuration.
	 */
	public SandboxMetricsAutoConfiguration() {
	}


	@Bean
	@ConditionalOnMissingBean
	SandboxMeterBinder sandboxMeterBinder(SandboxInventory inventory, ObjectProvider<SandboxReaper> reaper) {
		return new SandboxMeterBinder(inventory, reaper.getIfAvailable());
	}

}

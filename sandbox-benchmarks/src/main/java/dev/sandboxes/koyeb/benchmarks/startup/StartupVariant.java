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


package dev.sandboxes.koyeb.benchmarks.startup;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same {@link BenchmarkApplication} started three ways: without the starter, with the
 * starter and a Koyeb endpoint, and with the starter and its embedded emulator.
 *
 * @since 0.1.0
 */
public enum StartupVariant {

	/**
	 * Only the auto-configurations of {@code spring-boot-starter}: every auto-configuration
	 * the starter brings onto the classpath (its own and those of its WebClient, Jackson and
	 * Reactor dependencies) is excluded, so that none of their classes load.
	 */
	WITHOUT_STARTER {

		@Override
		boolean hasStarted(ConfigurableApplicationContext context) {
			return context.getBeanNamesForType(SandboxTemplate.class).length == 0;
		}

		@Override
		Map<String, Object> properties() {
			String brought = ImportCandidates.load(AutoConfiguration.class, StartupVariant.class.getClassLoader())
				.getCandidates()
				.stream()
				.filter((name) -> !name.startsWith(SPRING_BOOT_STARTER_AUTO_CONFIGURATIONS))
				.collect(Collectors.joining(","));
			return Map.of("spring.autoconfigure.exclude", brought);
		}

	},

	/**
	 * The starter pointed at a Koyeb endpoint by an API token and a base URL that nothing
	 * answers on: no request is sent during start-up (the reaper's first run is a minute
	 * away), so the figure is the starter's own.
	 */
	STARTER_KOYEB {

		@Override
		boolean hasStarted(ConfigurableApplicationContext context) {
			return context.getBeanNamesForType(SandboxTemplate.class).length == 1
					&& context.getBeanNamesForType(KoyebEmulator.class).length == 0;
		}

		@Override
		Map<String, Object> properties() {
			return Map.of("koyeb.sandbox.api-token", "x", "koyeb.sandbox.base-url", "http://127.0.0.1:1");
		}

	},

	/**
	 * The starter with no endpoint configured, so that it starts its embedded emulator with
	 * the default runtime (bubblewrap where it works, which is probed at start).
	 */
	STARTER_EMULATOR {

		@Override
		boolean hasStarted(ConfigurableApplicationContext context) {
			return context.getBeanNamesForType(SandboxTemplate.class).length == 1
					&& context.getBeanNamesForType(KoyebEmulator.class).length == 1;
		}

		@Override
		Map<String, Object> properties() {
			return Map.of();
		}

	};

	private static final String SPRING_BOOT_STARTER_AUTO_CONFIGURATIONS = "org.springframework.boot.autoconfigure.";

	/**
	 * The properties of the variant, with those every variant shares: no banner, no web
	 * server.
	 * @return the properties
	 */
	Map<String, Object> defaultProperties() {
		Map<String, Object> properties = new HashMap<>(properties());
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.web-application-type", "none");
		return properties;
	}

	/**
	 * Whether a context started as this variant has what the variant is about: no template
	 * without the starter, a template with it, and an emulator only when it is embedded.
	 * @param context the started context
	 * @return whether it has
	 */
	abstract boolean hasStarted(ConfigurableApplicationContext context);

	abstract Map<String, Object> properties();

}

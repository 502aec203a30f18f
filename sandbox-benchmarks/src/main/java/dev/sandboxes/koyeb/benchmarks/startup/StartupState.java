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

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the {@link BenchmarkApplication} as one {@link StartupVariant} and closes it after
 * each measurement, outside of it.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
public class StartupState {

	/** How the application is started. */
	@Param({ "WITHOUT_STARTER", "STARTER_KOYEB", "STARTER_EMULATOR" })
	public StartupVariant variant;

	private Map<String, Object> properties;

	private @Nullable ConfigurableApplicationContext context;

	/**
	 * Work out the variant's properties.
	 */
	@Setup(Level.Trial)
	public void prepare() {
		this.properties = this.variant.defaultProperties();
	}

	/**
	 * Start the application.
	 * @return its context
	 */
	public ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setDefaultProperties(this.properties);
		ConfigurableApplicationContext started = application.run();
		this.context = started;
		return started;
	}

	/**
	 * Check that the application started last is the variant, and close it.
	 */
	@TearDown(Level.Iteration)
	public void close() {
		ConfigurableApplicationContext started = this.context;
		if (started != null) {
			this.context = null;
			try {
				if (!this.variant.hasStarted(started)) {
					throw new IllegalStateException("The application started as " + this.variant
							+ " does not have what the variant is about: " + List.of(started.getBeanDefinitionNames()));
				}
			}
			finally {
				started.close();
			}
		}
	}

}

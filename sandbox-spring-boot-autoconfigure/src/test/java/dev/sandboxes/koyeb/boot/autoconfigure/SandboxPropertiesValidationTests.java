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

import java.util.stream.Stream;

import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for the validation of {@link SandboxProperties}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(KoyebEmulator.class))
		.withPropertyValues("koyeb.sandbox.api-token=test-token");

	static Stream<Arguments> invalidProperties() {
		return Stream.of(
				arguments("koyeb.sandbox.lifecycle.delete-after=30s", "lifecycle.delete-after",
						"'30 s' is not allowed: must be 0 (off) or whole seconds from 1 min to 24 h"),
				arguments("koyeb.sandbox.lifecycle.delete-after=25h", "lifecycle.delete-after",
						"'25 h' is not allowed: must be 0 (off) or whole seconds from 1 min to 24 h"),
				arguments("koyeb.sandbox.lifecycle.delete-after-inactivity=13h", "lifecycle.delete-after-inactivity",
						"'13 h' is not allowed: must be 0 (off) or whole seconds from 1 min to 12 h"),
				arguments("koyeb.sandbox.lifecycle.max-delete-after=0s", "lifecycle.max-delete-after",
						"'0 s' is not allowed: must be whole seconds from 1 min to 24 h"),
				arguments("koyeb.sandbox.lifecycle.max-delete-after=30m", "lifecycle.delete-after",
						"'1 h' is not allowed: must be from 60 s to 30 min, the value of "
								+ "koyeb.sandbox.lifecycle.max-delete-after"),
				arguments("koyeb.sandbox.region=Frankfurt", "region",
						"'Frankfurt' is not allowed: must be 2 to 32 lowercase letters, digits and '-'"),
				arguments("koyeb.sandbox.instance-type=x", "instance-type", "'x' is not allowed"),
				arguments("koyeb.sandbox.image= ", "image", "must not be empty"),
				arguments("koyeb.sandbox.base-url=ftp://koyeb.example", "base-url",
						"'ftp://koyeb.example' is not allowed: must be an absolute http or https URL"),
				arguments("koyeb.sandbox.request-timeout=0s", "request-timeout",
						"'0 s' is not allowed: must be a positive duration"),
				arguments("koyeb.sandbox.ready-timeout=-1s", "ready-timeout", "must be a positive duration"),
				arguments("koyeb.sandbox.exec-timeout=0ms", "exec-timeout", "must be a positive duration"),
				arguments("koyeb.sandbox.owner=---", "owner", "'---' is not allowed: must contain at least one letter"),
				arguments("koyeb.sandbox.reaper.interval=500ms", "reaper.interval",
						"'PT0.5S' is not allowed: must be from 1 s to 24 h"),
				arguments("koyeb.sandbox.reaper.max-age=0s", "reaper.max-age", "must be a positive duration"),
				arguments("koyeb.sandbox.reaper.max-idle=-5m", "reaper.max-idle", "must be a positive duration"),
				arguments("koyeb.sandbox.emulator.port=70000", "emulator.port",
						"'70000' is not allowed: must be from 0 (any free port) to 65535"),
				arguments("koyeb.sandbox.emulator.time-scale=0", "emulator.time-scale",
						"'0' is not allowed: must be from 1 (real time) to 100000"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidProperties")
	void invalidValueFailsTheStartNamingFieldValueAndRange(String property, String field, String message) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			BindValidationException failure = findCause(context.getStartupFailure(), BindValidationException.class);
			assertThat(failure.getValidationErrors().getAllErrors()).singleElement().satisfies((error) -> {
				assertThat(error.getDefaultMessage()).contains(message);
				assertThat(error).extracting("field").isEqualTo(field);
			});
		});
	}

	@Test
	void defaultsAreValid() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void zeroTurnsLifecycleRulesOff() {
		this.contextRunner
			.withPropertyValues("koyeb.sandbox.lifecycle.delete-after=0", "koyeb.sandbox.lifecycle.delete-after-inactivity=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failureReportNamesThePropertyTheValueAndTheRange(CapturedOutput output) {
		SpringApplication application = new SpringApplication(InvalidApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--koyeb.sandbox.api-token=test-token",
				"--koyeb.sandbox.lifecycle.delete-after=90m", "--koyeb.sandbox.lifecycle.max-delete-after=1h"));
		assertThat(output).contains("Property: koyeb.sandbox.lifecycle.delete-after")
			.contains("Value: \"PT1H30M\"")
			.contains("Reason: '90 min' is not allowed")
			.contains("must be from 60 s to 1 h, the value of koyeb.sandbox.lifecycle.max-delete-after")
			.doesNotContain("test-token");
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(SandboxAutoConfiguration.class)
	static class InvalidApplication {

	}

}

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

package dev.sandboxes.koyeb.ai.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.ai.SandboxToolCallbackProvider;
import dev.sandboxes.koyeb.ai.SandboxToolOptions;
import dev.sandboxes.koyeb.ai.SandboxToolSessions;
import dev.sandboxes.koyeb.ai.SandboxToolSessionsLifecycle;
import dev.sandboxes.koyeb.ai.TestEmulator;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxEmulatorAutoConfiguration;
import dev.sandboxes.koyeb.emulator.runtime.Bubblewrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link SandboxToolsAutoConfiguration}.
 */
class SandboxToolsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class, SandboxToolsAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.api-token=test-token", "koyeb.sandbox.base-url=http://localhost:1");

	@Test
	void toolsAreProvidedWithSpringAiAndASandboxTemplate() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SandboxToolCallbackProvider.class)
				.hasSingleBean(SandboxToolSessions.class)
				.hasSingleBean(SandboxToolSessionsLifecycle.class);
			assertThat(context.getBean(ToolCallbackProvider.class).getToolCallbacks())
				.extracting((tool) -> tool.getToolDefinition().name())
				.containsExactly("sandbox_run_command", "sandbox_run_code", "sandbox_write_file", "sandbox_read_file",
						"sandbox_list_directory");
			SandboxToolSessions sessions = context.getBean(SandboxToolSessions.class);
			assertThat(sessions.workingDirectory()).isEqualTo("/workspace");
			assertThat(sessions.idleTime()).isEqualTo(Duration.ofMinutes(10));
			assertThat(tool(context, "sandbox_run_command").getToolDefinition().description())
				.contains("stopped after 60 s");
			assertThat(context.getBean(SandboxToolSessionsLifecycle.class).isRunning()).isTrue();
		});
	}

	@Test
	void propertiesShapeTheTools() {
		this.contextRunner
			.withPropertyValues("koyeb.sandbox.ai.working-directory=/home/agent", "koyeb.sandbox.ai.call-timeout=15s",
					"koyeb.sandbox.ai.idle-time=30m")
			.run((context) -> {
				SandboxToolSessions sessions = context.getBean(SandboxToolSessions.class);
				assertThat(sessions.workingDirectory()).isEqualTo("/home/agent");
				assertThat(sessions.idleTime()).isEqualTo(Duration.ofMinutes(30));
				assertThat(tool(context, "sandbox_run_code").getToolDefinition().description())
					.contains("runs in /home/agent")
					.contains("stopped after 15 s");
			});
	}

	@Test
	void withoutSpringAiNothingIsProvided() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ToolCallbackProvider.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SandboxToolCallbackProvider.class)
				.doesNotHaveBean(SandboxToolSessions.class));
	}

	@Test
	void withoutSandboxOperationsNothingIsProvided() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SandboxToolsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SandboxToolSessions.class));
	}

	@Test
	void propertyTurnsTheToolsOff() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.ai.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(SandboxOperations.class)
				.doesNotHaveBean(SandboxToolCallbackProvider.class)
				.doesNotHaveBean(SandboxToolSessionsLifecycle.class));
	}

	@Test
	void beansOfTheApplicationReplaceTheDefaults() {
		this.contextRunner.withUserConfiguration(CustomToolsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SandboxToolSessions.class)
				.hasSingleBean(SandboxToolCallbackProvider.class)
				.hasSingleBean(SandboxToolSessionsLifecycle.class);
			assertThat(context.getBean(SandboxToolSessions.class).workingDirectory()).isEqualTo("/custom");
			assertThat(tool(context, "sandbox_run_command").getToolDefinition().description())
				.contains("start in /custom")
				.contains("stopped after 5 s");
		});
	}

	static Stream<Arguments> invalidProperties() {
		return Stream.of(
				arguments("koyeb.sandbox.ai.working-directory=workspace", "working-directory",
						"'workspace' is not allowed: must be an absolute path, such as /workspace"),
				arguments("koyeb.sandbox.ai.idle-time=0s", "idle-time",
						"'0s' is not allowed: must be from 1s to 118m: the sandbox stays awake without use for up "
								+ "to 2m more, and at most 2h"),
				arguments("koyeb.sandbox.ai.idle-time=2h", "idle-time", "'2h' is not allowed: must be from 1s to 118m"),
				arguments("koyeb.sandbox.ai.call-timeout=1500ms", "call-timeout",
						"'1500ms' is not allowed: must be whole seconds, at least 1s"),
				arguments("koyeb.sandbox.ai.output-limit=50", "output-limit",
						"'50' is not allowed: must be at least 200 characters"),
				arguments("koyeb.sandbox.ai.default-conversation-id= ", "default-conversation-id",
						"must not be blank; leave it unset to refuse tool calls without a conversation"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidProperties")
	void invalidValueFailsTheStartNamingFieldValueAndRange(String property, String field, String message) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(BindValidationException.class, (failure) -> assertThat(
						failure.getValidationErrors().getAllErrors())
					.singleElement()
					.satisfies((error) -> {
						assertThat(error.getDefaultMessage()).contains(message);
						assertThat(error).extracting("field").isEqualTo(field);
					}));
		});
	}

	@Test
	void idleConversationsLoseTheirSandboxWhileTheContextRuns() {
		try (TestEmulator emulator = new TestEmulator()) {
			runnerOf(emulator)
				.withPropertyValues("koyeb.sandbox.ai.idle-time=1s")
				.run((context) -> {
					assertThat(call(context, "idle", "echo hello")).contains("stdout:\nhello\n");
					assertThat(emulator.liveSandboxes()).hasSize(1);
					SandboxToolSessions sessions = context.getBean(SandboxToolSessions.class);
					await().atMost(Duration.ofSeconds(30)).until(() -> sessions.conversations().isEmpty());
					assertThat(emulator.liveSandboxes()).isEmpty();
					assertThat(call(context, "idle", "ls")).startsWith("exit code: 0\n").contains("stdout: (empty)");
					assertThat(emulator.allSandboxes()).hasSize(2);
				});
		}
	}

	@Test
	void closingTheContextDeletesEveryConversationsSandboxButStoppingItDoesNot() {
		try (TestEmulator emulator = new TestEmulator()) {
			runnerOf(emulator)
				.run((context) -> {
					call(context, "first", "true");
					call(context, "second", "true");
					context.stop();
					assertThat(emulator.liveSandboxes()).hasSize(2);
					context.start();
				});
			assertThat(emulator.allSandboxes()).hasSize(2);
			assertThat(emulator.liveSandboxes()).isEmpty();
		}
	}

	@Test
	void closingAStoppedContextDeletesEveryConversationsSandbox() {
		try (TestEmulator emulator = new TestEmulator()) {
			runnerOf(emulator)
				.run((context) -> {
					call(context, "first", "true");
					try (AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext()) {
						child.setParent(context);
						child.refresh();
					}
					context.stop();
					assertThat(emulator.liveSandboxes()).hasSize(1);
				});
			assertThat(emulator.allSandboxes()).hasSize(1);
			assertThat(emulator.liveSandboxes()).isEmpty();
		}
	}

	@Test
	void embeddedEmulatorRunsTheToolsWithNothingConfigured() {
		Bubblewrap.assumeAvailable();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SandboxEmulatorAutoConfiguration.class,
					SandboxAutoConfiguration.class, SandboxToolsAutoConfiguration.class))
			.withPropertyValues("koyeb.sandbox.emulator.runtime=bubblewrap")
			.run((context) -> assertThat(call(context, "out-of-the-box", "python3 -c 'print(6 * 7)'"))
				.startsWith("exit code: 0\n")
				.contains("stdout:\n42\n"));
	}

	private static ApplicationContextRunner runnerOf(TestEmulator emulator) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SandboxAutoConfiguration.class, SandboxToolsAutoConfiguration.class))
			.withPropertyValues(emulator.properties());
	}

	private static String call(ApplicationContext context, String conversationId, String command) {
		return tool(context, "sandbox_run_command").call("{\"command\": \"" + command + "\"}",
				new ToolContext(Map.of(ChatMemory.CONVERSATION_ID, conversationId)));
	}

	private static ToolCallback tool(ApplicationContext context, String name) {
		return Arrays.stream(context.getBean(SandboxToolCallbackProvider.class).getToolCallbacks())
			.filter((tool) -> tool.getToolDefinition().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomToolsConfiguration {

		@Bean
		SandboxToolSessions customSessions(SandboxOperations operations) {
			return new SandboxToolSessions(operations, SandboxSpec.builder().build(), "/custom", Duration.ofMinutes(1),
					Clock.systemUTC());
		}

		@Bean
		SandboxToolCallbackProvider customTools(SandboxToolSessions customSessions) {
			return new SandboxToolCallbackProvider(customSessions,
					new SandboxToolOptions(Duration.ofSeconds(5), 500, null));
		}

	}

}

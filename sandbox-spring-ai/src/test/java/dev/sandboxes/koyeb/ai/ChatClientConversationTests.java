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

package dev.sandboxes.koyeb.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.SandboxInfo;
import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.ai.autoconfigure.SandboxToolsAutoConfiguration;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import dev.sandboxes.koyeb.observation.SandboxObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.sandboxes.koyeb.ai.ScriptedChatModel.answer;
import static dev.sandboxes.koyeb.ai.ScriptedChatModel.callTool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of conversations held through a real {@link ChatClient} with the sandbox tools: a
 * scripted model calls the tools, which run in sandboxes of an emulator, and the test
 * reads what the model was sent back.
 */
class ChatClientConversationTests {

	private static final String HELLO_PY = """
			import sys
			print("hello from python", sys.version_info.major)
			with open("answer.txt", "w") as answer:
			    answer.write(str(6 * 7))
			""";

	private TestEmulator emulator;

	private final TestObservationRegistry observationRegistry = TestObservationRegistry.create();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = new TestEmulator();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SandboxAutoConfiguration.class, SandboxToolsAutoConfiguration.class))
			.withPropertyValues(this.emulator.properties())
			.withBean(TestObservationRegistry.class, () -> this.observationRegistry);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void eachConversationWorksInASandboxOfItsOwnDeletedWhenItEnds() {
		List<String> results = new ArrayList<>();
		this.contextRunner.run((context) -> {
			ScriptedChatModel first = new ScriptedChatModel(
					callTool("write", "sandbox_write_file", json(Map.of("path", "hello.py", "content", HELLO_PY))),
					callTool("run", "sandbox_run_command", "{\"command\": \"python3 hello.py\"}"),
					callTool("read", "sandbox_read_file", "{\"path\": \"answer.txt\"}"),
					callTool("fail", "sandbox_run_command", "{\"command\": \"ls /no/such/directory\"}"),
					answer("The program says the answer is 42."));
			assertThat(converse(context, first, "conversation-1")).isEqualTo("The program says the answer is 42.");
			assertThat(first.toolResult("write"))
				.isEqualTo("Wrote " + HELLO_PY.length() + " characters to /workspace/hello.py.");
			assertThat(first.toolResult("run")).startsWith("exit code: 0\nduration: ")
				.endsWith(" ms\nstdout:\nhello from python 3\nstderr: (empty)\n");
			assertThat(first.toolResult("read")).isEqualTo("42");
			assertThat(first.toolResult("fail")).startsWith("exit code: 2\n")
				.contains("stdout: (empty)\nstderr:\n")
				.contains("/no/such/directory")
				.contains("No such file or directory");
			assertThat(first.isFinished()).isTrue();
			List<ServiceView> afterFirst = this.emulator.liveSandboxes();
			assertThat(afterFirst).singleElement()
				.satisfies((sandbox) -> assertThat(sandbox.name()).startsWith("application--ai-"));

			ScriptedChatModel second = new ScriptedChatModel(
					callTool("list", "sandbox_list_directory", "{}"),
					callTool("cat", "sandbox_run_command", "{\"command\": \"cat hello.py\"}"),
					callTool("env", "sandbox_run_command", "{\"command\": \"env\"}"),
					answer("This sandbox is empty."));
			assertThat(converse(context, second, "conversation-2")).isEqualTo("This sandbox is empty.");
			assertThat(second.toolResult("list")).isEqualTo("(/workspace is empty)");
			assertThat(second.toolResult("cat")).startsWith("exit code: 1\n").contains("No such file or directory");
			assertThat(second.toolResult("env")).startsWith("exit code: 0\n").contains("PATH=")
				.doesNotContain("SANDBOX_SECRET");
			List<ServiceView> afterSecond = this.emulator.liveSandboxes();
			assertThat(afterSecond).hasSize(2).containsAll(afterFirst);
			assertThat(context.getBean(SandboxOperations.class).list()).extracting(SandboxInfo::id)
				.containsExactlyInAnyOrderElementsOf(afterSecond.stream().map(ServiceView::id).toList());

			results.addAll(first.toolResults());
			results.addAll(second.toolResults());
			assertThat(results).hasSize(7).allSatisfy((result) -> assertThat(result)
				.doesNotContain(TestEmulator.API_TOKEN)
				.doesNotContain(afterSecond.stream()
					.flatMap((sandbox) -> Stream.of(sandbox.id(), sandbox.appId(), sandbox.routingKey()))
					.toList()));

			SandboxToolSessions sessions = context.getBean(SandboxToolSessions.class);
			assertThat(sessions.conversations()).containsExactlyInAnyOrder("conversation-1", "conversation-2");
			assertThat(sessions.end("conversation-1")).isTrue();
			assertThat(this.emulator.liveSandboxes()).singleElement().isNotIn(afterFirst);
			assertThat(sessions.conversations()).containsExactly("conversation-2");
		});
		assertThat(this.emulator.allSandboxes()).hasSize(2);
		assertThat(this.emulator.liveSandboxes()).isEmpty();
	}

	@Test
	void sandboxOperationsAreObservedWithinTheToolCallsThatMadeThem() {
		this.contextRunner.run((context) -> {
			ScriptedChatModel model = new ScriptedChatModel(
					callTool("write", "sandbox_write_file", "{\"path\": \"a.txt\", \"content\": \"a\"}"),
					callTool("code", "sandbox_run_code", "{\"language\": \"python\", \"code\": \"print(1)\"}"),
					answer("Done."));
			ChatClient chatClient = ChatClient.builder(model, this.observationRegistry, null, null)
				.defaultTools(context.getBean(SandboxToolCallbackProvider.class))
				.build();
			assertThat(chatClient.prompt()
				.user("Please run some code.")
				.toolContext(Map.of(ChatMemory.CONVERSATION_ID, "observed"))
				.call()
				.content()).isEqualTo("Done.");
		});
		assertThat(this.observationRegistry).hasHandledContextsThatSatisfy((contexts) -> {
			List<ToolCallingObservationContext> toolCalls = contexts.stream()
				.filter(ToolCallingObservationContext.class::isInstance)
				.map(ToolCallingObservationContext.class::cast)
				.toList();
			assertThat(toolCalls).extracting((toolCall) -> toolCall.getToolDefinition().name())
				.containsExactly("sandbox_write_file", "sandbox_run_code");
			assertThat(toolCalls).allSatisfy((toolCall) -> {
				assertThat(toolCall.getName()).isEqualTo("spring.ai.tool");
				assertThat(toolCall.getToolDefinition().description()).contains("this conversation's sandbox");
				assertThat(ancestorNames(toolCall)).contains("spring.ai.chat.client");
			});
			List<SandboxObservationContext> operations = contexts.stream()
				.filter(SandboxObservationContext.class::isInstance)
				.map(SandboxObservationContext.class::cast)
				.toList();
			assertThat(operations).allSatisfy(
					(operation) -> assertThat(operation.getName()).isEqualTo("koyeb.sandbox.operation"));
			assertThat(operations).filteredOn((operation) -> !operation.getOperation().equals("delete"))
				.extracting((operation) -> operation.getOperation() + " in " + toolName(operation))
				.containsExactly("create in sandbox_write_file", "files.mkdir in sandbox_write_file",
						"files.write in sandbox_write_file", "files.write in sandbox_run_code",
						"exec.stream in sandbox_run_code", "files.delete in sandbox_run_code");
			assertThat(operations).filteredOn((operation) -> operation.getOperation().equals("delete"))
				.singleElement()
				.satisfies((deletion) -> assertThat(deletion.getParentObservation()).isNull());
		});
	}

	private String converse(AssertableApplicationContext context, ScriptedChatModel model, String conversationId) {
		return ChatClient.builder(model, this.observationRegistry, null, null)
			.build()
			.prompt()
			.user("Please run some code.")
			.tools(context.getBean(SandboxToolCallbackProvider.class))
			.toolContext(Map.of(ChatMemory.CONVERSATION_ID, conversationId))
			.call()
			.content();
	}

	private static @Nullable String toolName(Observation.ContextView context) {
		ObservationView parent = context.getParentObservation();
		return (parent != null && parent.getContextView() instanceof ToolCallingObservationContext toolCall)
				? toolCall.getToolDefinition().name() : null;
	}

	private static List<String> ancestorNames(Observation.ContextView context) {
		List<String> names = new ArrayList<>();
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			names.add(parent.getContextView().getName());
			parent = parent.getContextView().getParentObservation();
		}
		return names;
	}

	private static String json(Map<String, String> arguments) {
		return JsonMapper.builder().build().writeValueAsString(arguments);
	}

}

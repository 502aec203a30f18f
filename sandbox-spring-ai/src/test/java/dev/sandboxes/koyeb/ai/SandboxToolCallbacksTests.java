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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.controlplane.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the tools of {@link SandboxToolCallbackProvider}, called as Spring AI calls
 * them, against sandboxes of an emulator.
 */
class SandboxToolCallbacksTests {

	private static final String CONVERSATION = "conversation";

	private static final String LOST = "Error: the sandbox of this conversation no longer exists (it was deleted, "
			+ "for example after reaching its lifetime), and its files are gone. The next call starts a new, empty "
			+ "sandbox.";

	private static TestEmulator emulator;

	private static SandboxTemplate template;

	private SandboxToolSessions sessions;

	@BeforeAll
	static void startEmulator() {
		emulator = new TestEmulator();
		template = emulator.template();
	}

	@AfterAll
	static void stopEmulator() {
		if (emulator != null) {
			emulator.close();
		}
	}

	@BeforeEach
	void createSessions() {
		this.sessions = new SandboxToolSessions(template, SandboxSpec.builder().build(), "/workspace",
				Duration.ofMinutes(10), Clock.systemUTC());
	}

	@AfterEach
	void endConversations() {
		this.sessions.endAll();
	}

	@Test
	void toolsAreNamedAndDescribedForAModelWithASchemaEach() {
		ToolCallback[] tools = provider(30, 1000, null).getToolCallbacks();
		assertThat(tools).extracting((tool) -> tool.getToolDefinition().name())
			.containsExactly("sandbox_run_command", "sandbox_run_code", "sandbox_write_file", "sandbox_read_file",
					"sandbox_list_directory");
		assertThat(tools).allSatisfy((tool) -> {
			assertThat(tool.getToolDefinition().description()).contains("this conversation's sandbox")
				.contains("/workspace");
			assertThat(tool.getToolDefinition().inputSchema()).startsWith("{\"type\":\"object\",\"properties\":{")
				.endsWith("\"additionalProperties\":false}");
			assertThat(tool.getToolMetadata().returnDirect()).isFalse();
		});
		assertThat(tools[0].getToolDefinition().description()).contains("stopped after 30 s");
		assertThat(tools[1].getToolDefinition().description())
			.contains("Languages: python (run with python3), javascript (run with node), bash, sh.");
		assertThat(tools[1].getToolDefinition().inputSchema())
			.contains("\"enum\":[\"python\",\"javascript\",\"bash\",\"sh\"]")
			.contains("\"required\":[\"language\",\"code\"]");
	}

	@Test
	void invalidArgumentsAreExplainedToTheModelWithoutStartingASandbox() {
		int before = emulator.allSandboxes().size();
		assertThat(call("sandbox_run_command", "{}"))
			.isEqualTo("Error: 'command' is required: The shell command, run with sh -c, for example "
					+ "'python3 main.py' or 'pip install requests && python3 fetch.py'.");
		assertThat(call("sandbox_run_command", "{\"command\": 42}"))
			.isEqualTo("Error: 'command' must be a string, not a number (42)");
		assertThat(call("sandbox_run_command", "{\"command\": \"ls\", \"timeout\": \"5\"}"))
			.isEqualTo("Error: unknown argument 'timeout'; the arguments of this tool are 'command' "
					+ "(string, required)");
		assertThat(call("sandbox_write_file", "{\"path\": \"a.txt\"")).startsWith("Error: the arguments are not valid "
				+ "JSON ({\"path\": \"a.txt\"); give a JSON object with 'path' (string, required), 'content' "
				+ "(string, required)");
		assertThat(call("sandbox_read_file", "{\"path\": \"a\\u0000b\"}"))
			.isEqualTo("Error: 'path' must not contain a NUL character");
		assertThat(call("sandbox_run_command", "{\"command\": \"echo a\\u0000b\"}"))
			.isEqualTo("Error: 'command' must not contain a NUL character");
		assertThat(call("sandbox_write_file", "{\"path\": \"a.txt\", \"content\": \"a\\u0000b\"}"))
			.isEqualTo("Error: 'content' must not contain a NUL character");
		assertThat(call("sandbox_run_code", "{\"language\": \"ruby\", \"code\": \"puts 1\"}"))
			.isEqualTo("Error: unsupported language 'ruby'; the supported languages are python, javascript, bash, sh. "
					+ "To run another language, write the program with sandbox_write_file and run it with "
					+ "sandbox_run_command.");
		assertThat(emulator.allSandboxes()).hasSize(before);
		assertThat(this.sessions.conversations()).isEmpty();
	}

	@Test
	void hugeOutputKeepsItsBeginningAndEndAroundTheCountOfWhatWasCut() {
		int printed = IntStream.rangeClosed(1, 100_000).map((n) -> String.valueOf(n).length() + 1).sum();
		String result = call(provider(30, 1000, null), "sandbox_run_command", "{\"command\": \"seq 1 100000\"}");
		assertThat(result).startsWith("exit code: 0\n")
			.contains("stdout:\n1\n2\n3\n4\n")
			.contains("\n[... " + (printed - 1000) + " characters cut ...]\n")
			.endsWith("99999\n100000\nstderr: (empty)\n");
		String stdout = result.substring(result.indexOf("stdout:\n") + 8, result.indexOf("stderr:"));
		String marker = "\n[... " + (printed - 1000) + " characters cut ...]\n";
		assertThat(stdout.length()).isEqualTo(1000 + marker.length());
	}

	@Test
	void hugeFileIsReadAsItsBeginningAndEnd() {
		SandboxToolCallbackProvider provider = provider(30, 200, null);
		call(provider, "sandbox_run_code",
				"{\"language\": \"python\", \"code\": \"open('big.txt', 'w').write('a' * 500 + 'b' * 500)\"}");
		assertThat(call(provider, "sandbox_read_file", "{\"path\": \"big.txt\"}"))
			.isEqualTo("a".repeat(100) + "\n[... 800 characters cut ...]\n" + "b".repeat(100));
	}

	@Test
	void fileTooLargeToReadWholeIsReadAsItsFirstAndLastBytes() {
		SandboxToolCallbackProvider provider = provider(30, 200, null);
		call(provider, "sandbox_run_command", "{\"command\": \"{ head -c 3000000 /dev/zero | tr '\\\\0' a;"
				+ " printf 'the end'; } > huge.txt\"}");
		assertThat(call(provider, "sandbox_read_file", "{\"path\": \"huge.txt\"}"))
			.isEqualTo("a".repeat(100) + "\n[... " + (3_000_007 - 200) + " bytes cut ...]\n" + "a".repeat(93) + "the end");
	}

	@Test
	void commandPastTheCallTimeoutIsStoppedWithItsOutputSoFarAndTheSandboxStaysUsable() {
		SandboxToolCallbackProvider provider = provider(2, 1000, null);
		String result = call(provider, "sandbox_run_command",
				"{\"command\": \"echo started; sleep 30; echo finished\"}");
		assertThat(result).startsWith("timed out: the command was stopped after 2 s, the limit of one call, with the "
				+ "processes it started; the sandbox is still usable.")
			.contains("stdout:\nstarted\n")
			.doesNotContain("finished")
			.doesNotContain("exit code");
		assertThat(call(provider, "sandbox_run_command", "{\"command\": \"echo still usable\"}"))
			.startsWith("exit code: 0\n")
			.contains("stdout:\nstill usable\n");
		assertThat(this.sessions.conversations()).containsExactly(CONVERSATION);
	}

	@Test
	void commandIgnoringTheStopSignalIsStoppedByTheClient() {
		SandboxToolCallbackProvider provider = provider(1, 1000, null);
		String result = call(provider, "sandbox_run_command",
				"{\"command\": \"trap '' TERM; echo stubborn; sleep 60\"}");
		assertThat(result).startsWith("timed out: the command was stopped after 1 s").contains("stdout:\nstubborn\n");
		assertThat(call(provider, "sandbox_run_command", "{\"command\": \"echo next\"}")).startsWith("exit code: 0\n");
	}

	@Test
	void commandPastTheCallTimeoutIsStoppedWithEveryProcessItStarted() {
		SandboxToolCallbackProvider provider = provider(2, 1000, null);
		String result = call(provider, "sandbox_run_command", "{\"command\": \"(trap '' TERM; sleep 401) & "
				+ "python3 -m http.server 8124 & echo started; sleep 30\"}");
		assertThat(result).startsWith("timed out: the command was stopped after 2 s")
			.contains("stdout:\nstarted\n");
		assertThat(call(provider, "sandbox_run_command", "{\"command\": \"ps -eo args\"}"))
			.startsWith("exit code: 0\n")
			.contains("ps -eo args")
			.doesNotContain("sleep 401")
			.doesNotContain("http.server 8124");
	}

	@Test
	void commandLeavingABackgroundProcessReturnsItsOwnExitCodeWithoutWaitingForIt() {
		String result = call(provider(10, 1000, null), "sandbox_run_command",
				"{\"command\": \"python3 -m http.server 8125 & echo started; printf 'no newline' >&2; exit 3\"}");
		assertThat(result).startsWith("exit code: 3\nbackground processes it started are still running")
			.contains("stdout:\nstarted\n")
			.endsWith("stderr:\nno newline\n[no newline at the end]\n");
	}

	@Test
	void longCommandRunsAndTooLongACommandIsRefusedWithAWayAround() {
		String comment = "# " + "x".repeat(100_000) + "\\n";
		assertThat(call("sandbox_run_command", "{\"command\": \"" + comment + "echo long\"}"))
			.startsWith("exit code: 0\n")
			.contains("stdout:\nlong\n");
		assertThat(call("sandbox_run_command", "{\"command\": \"# " + "x".repeat(120_000) + "\"}"))
			.isEqualTo("Error: 'command' is longer than 120000 bytes, the most a command may have; write long "
					+ "scripts to a file with sandbox_write_file and run the file, for example 'sh script.sh'.");
	}

	@Test
	void codeRunsInEachLanguageInTheWorkingDirectory() {
		call("sandbox_write_file", "{\"path\": \"data/input.txt\", \"content\": \"21\"}");
		assertThat(call("sandbox_run_code",
				"{\"language\": \"Python3\", \"code\": \"print(2 * int(open('data/input.txt').read()))\"}"))
			.startsWith("exit code: 0\n")
			.endsWith("stdout:\n42\nstderr: (empty)\n");
		assertThat(call("sandbox_run_code", "{\"language\": \"bash\", \"code\": \"echo $((6 * 7)) from $PWD\"}"))
			.contains("stdout:\n42 from /workspace\n");
		assertThat(call("sandbox_run_code", "{\"language\": \"sh\", \"code\": \"echo oops >&2; exit 3\"}"))
			.startsWith("exit code: 3\n")
			.endsWith("stdout: (empty)\nstderr:\noops\n");
		assertThat(call("sandbox_list_directory", "{}")).isEqualTo("data");
	}

	@Test
	void codeImportsModulesOfTheWorkingDirectoryAndLeavesNoFileBehind() {
		call("sandbox_write_file", "{\"path\": \"helper.py\", \"content\": \"def answer():\\n    return 42\\n\"}");
		assertThat(call("sandbox_run_code",
				"{\"language\": \"python\", \"code\": \"import helper\\nprint(helper.answer())\"}"))
			.startsWith("exit code: 0\n")
			.contains("stdout:\n42\n");
		if (hostHas("node")) {
			call("sandbox_write_file", "{\"path\": \"lib.js\", \"content\": \"module.exports = 6 * 7;\"}");
			assertThat(call("sandbox_run_code",
					"{\"language\": \"javascript\", \"code\": \"console.log(require('./lib.js'))\"}"))
				.startsWith("exit code: 0\n")
				.contains("stdout:\n42\n");
		}
		assertThat(call("sandbox_run_command", "{\"command\": \"ls -A\"}")).doesNotContain(".sandbox-code-");
	}

	private static boolean hostHas(String program) {
		return Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, program)));
	}

	@Test
	void commandsStartInTheWorkingDirectoryEvenAfterOneRemovedIt() {
		SandboxToolSessions project = new SandboxToolSessions(template, SandboxSpec.builder().build(),
				"/workspace/project", Duration.ofMinutes(10), Clock.systemUTC());
		try {
			SandboxToolCallbackProvider provider = new SandboxToolCallbackProvider(project,
					new SandboxToolOptions(Duration.ofSeconds(30), 1000, null));
			assertThat(call(provider, "sandbox_run_command",
					"{\"command\": \"cd / && rm -r /workspace/project && ls /workspace\"}"))
				.startsWith("exit code: 0\n")
				.contains("stdout: (empty)");
			assertThat(call(provider, "sandbox_run_command", "{\"command\": \"pwd\"}")).startsWith("exit code: 0\n")
				.contains("stdout:\n/workspace/project\n");
		}
		finally {
			project.endAll();
		}
	}

	@Test
	void filesAreWrittenReadAndListedWithRelativeAndAbsolutePaths() {
		assertThat(call("sandbox_write_file", "{\"path\": \"src/b.py\", \"content\": \"\"}"))
			.isEqualTo("Wrote 0 characters to /workspace/src/b.py.");
		assertThat(call("sandbox_write_file", "{\"path\": \"/workspace/src/a.py\", \"content\": \"print('a')\"}"))
			.isEqualTo("Wrote 10 characters to /workspace/src/a.py.");
		assertThat(call("sandbox_write_file", "{\"path\": \"/tmp/notes.txt\", \"content\": \"outside\"}"))
			.isEqualTo("Wrote 7 characters to /tmp/notes.txt.");
		assertThat(call("sandbox_read_file", "{\"path\": \"./src/a.py\"}")).isEqualTo("print('a')");
		assertThat(call("sandbox_read_file", "{\"path\": \"src/b.py\"}")).isEqualTo("(/workspace/src/b.py is empty)");
		assertThat(call("sandbox_read_file", "{\"path\": \"/tmp/notes.txt\"}")).isEqualTo("outside");
		assertThat(call("sandbox_list_directory", "{\"path\": \"src\"}")).isEqualTo("a.py\nb.py");
		assertThat(call("sandbox_list_directory", "{\"path\": \".\"}")).isEqualTo("src");
	}

	@Test
	void fileErrorsNameThePath() {
		assertThat(call("sandbox_read_file", "{\"path\": \"missing.txt\"}"))
			.isEqualTo("Error: no such file or directory: /workspace/missing.txt");
		assertThat(call("sandbox_list_directory", "{\"path\": \"nowhere\"}"))
			.isEqualTo("Error: no such file or directory: /workspace/nowhere");
		assertThat(call("sandbox_read_file", "{\"path\": \"/workspace\"}")).startsWith("Error: ")
			.contains("/workspace")
			.doesNotContain("Exception")
			.doesNotContain("failed for");
	}

	@Test
	void callWithoutConversationIsRefusedUnlessADefaultConversationIsSet() {
		int before = emulator.allSandboxes().size();
		ToolCallback run = tool(provider(30, 1000, null), "sandbox_run_command");
		assertThat(run.call("{\"command\": \"echo hi\"}", new ToolContext(Map.of())))
			.startsWith("Error: the application did not say which conversation this call belongs to");
		assertThat(run.call("{\"command\": \"echo hi\"}")).startsWith("Error: the application did not say");
		assertThat(emulator.allSandboxes()).hasSize(before);

		ToolCallback shared = tool(provider(30, 1000, "shared"), "sandbox_run_command");
		shared.call("{\"command\": \"echo kept > note.txt\"}", new ToolContext(Map.of()));
		assertThat(shared.call("{\"command\": \"cat note.txt\"}"))
			.contains("stdout:\nkept\n");
		assertThat(this.sessions.conversations()).containsExactly("shared");
	}

	@Test
	void lostSandboxIsReportedOnceAndReplacedByANewOne() {
		call("sandbox_write_file", "{\"path\": \"a.txt\", \"content\": \"a\"}");
		String id = emulator.liveSandboxes().get(0).id();
		template.delete(id);
		assertThat(call("sandbox_read_file", "{\"path\": \"a.txt\"}")).isEqualTo(LOST);
		assertThat(call("sandbox_list_directory", "{}")).isEqualTo("(/workspace is empty)");
		assertThat(emulator.liveSandboxes()).singleElement()
			.satisfies((sandbox) -> assertThat(sandbox.id()).isNotEqualTo(id));
	}

	@Test
	void conversationIdlePastTheIdleTimeIsReportedLostEvenBeforeAnIdleCheckEndedIt() {
		MutableClock clock = new MutableClock();
		try (TestEmulator aging = new TestEmulator(clock)) {
			SandboxToolSessions idle = new SandboxToolSessions(aging.template(), SandboxSpec.builder().build(),
					"/workspace", Duration.ofMinutes(10), clock);
			try {
				SandboxToolCallbackProvider provider = new SandboxToolCallbackProvider(idle,
						new SandboxToolOptions(Duration.ofSeconds(30), 1000, null));
				call(provider, "sandbox_write_file", "{\"path\": \"a.txt\", \"content\": \"a\"}");
				String first = aging.liveSandboxes().get(0).id();
				clock.advance(Duration.ofMinutes(10).plusSeconds(20));
				assertThat(idle.conversations()).containsExactly(CONVERSATION);
				assertThat(call(provider, "sandbox_read_file", "{\"path\": \"a.txt\"}")).isEqualTo(LOST);
				assertThat(idle.conversations()).isEmpty();
				assertThat(call(provider, "sandbox_list_directory", "{}")).isEqualTo("(/workspace is empty)");
				assertThat(aging.liveSandboxes()).singleElement()
					.satisfies((sandbox) -> assertThat(sandbox.id()).isNotEqualTo(first));
			}
			finally {
				idle.endAll();
			}
		}
	}

	@Test
	void conversationEndedDuringACallIsReportedLost() throws Exception {
		call("sandbox_write_file", "{\"path\": \"a.txt\", \"content\": \"a\"}");
		Sandbox sandbox = template.get(emulator.liveSandboxes().get(0).id());
		CompletableFuture<String> running = CompletableFuture
			.supplyAsync(() -> call("sandbox_run_command", "{\"command\": \"sleep 27\"}"));
		await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.exec("ps -eo args").stdout().contains("sleep 27"));
		assertThat(this.sessions.end(CONVERSATION)).isTrue();
		assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo(LOST);
	}

	private SandboxToolCallbackProvider provider(int callTimeoutSeconds, int outputLimit,
			@Nullable String defaultConversationId) {
		return new SandboxToolCallbackProvider(this.sessions,
				new SandboxToolOptions(Duration.ofSeconds(callTimeoutSeconds), outputLimit, defaultConversationId));
	}

	private String call(String tool, String arguments) {
		return call(provider(30, 1000, null), tool, arguments);
	}

	private static String call(SandboxToolCallbackProvider provider, String tool, String arguments) {
		return tool(provider, tool).call(arguments, new ToolContext(Map.of(ChatMemory.CONVERSATION_ID, CONVERSATION)));
	}

	private static ToolCallback tool(SandboxToolCallbackProvider provider, String name) {
		return Arrays.stream(provider.getToolCallbacks())
			.filter((tool) -> tool.getToolDefinition().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}

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

package dev.sandboxes.koyeb.emulator;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.ReactiveSandbox;
import dev.sandboxes.koyeb.ReactiveSandboxTemplate;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.StreamType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A caller that goes away ends its command with everything the command started: unlike Koyeb's
 * executor, which keeps a {@code /run} command running and kills only the shell of a
 * {@code /run_streaming} one.
 */
class ExecutorDisconnectTests {

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator.withDefaults();



	@Test
	void runPastItsTimeoutEndsTheCommandAndItsChildren() {
		String marker = "run-timeout-" + UUID.randomUUID();
		SandboxTemplate template = emulator.template();
		try (Sandbox sandbox = template.create(SandboxSpec.builder().name("run-timeout").build())) {
			assertThatExceptionOfType(SandboxTimeoutException.class).isThrownBy(() -> sandbox
				.exec(ExecSpec.of(marked(marker) + " & " + marked(marker)).timeout(Duration.ofMillis(800))));
			await().untilAsserted(() -> assertThat(EmulatorCleanupTests.processesMentioning(marker)).isEmpty());
			assertThat(sandbox.exec("echo still usable").stdout()).isEqualTo("still usable\n");
		}
	}

	@Test
	void streamCancelledByTheCallerEndsTheCommandAndItsChildren() {
		String marker = "stream-cancel-" + UUID.randomUUID();
		ReactiveSandboxTemplate template = ReactiveSandboxTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiToken("t")
			.buildReactive();
		ReactiveSandbox sandbox = template.create(SandboxSpec.builder().name("stream-cancel").build()).block();
		try {
			Object first = sandbox.execStream(ExecSpec.of("echo started; " + marked(marker) + " & " + marked(marker)))
				.next()
				.block(Duration.ofSeconds(30));
			assertThat(first).isEqualTo(new OutputLine(StreamType.STDOUT, "started"));
			await().untilAsserted(() -> assertThat(EmulatorCleanupTests.processesMentioning(marker)).isEmpty());
		}
		finally {
			sandbox.delete().block(Duration.ofSeconds(30));
		}
	}

	/**
	 * A long command whose shell carries a marker in its command line.
	 */
	private static String marked(String marker) {
		return "sh -c 'sleep 300; true' " + marker;
	}

}

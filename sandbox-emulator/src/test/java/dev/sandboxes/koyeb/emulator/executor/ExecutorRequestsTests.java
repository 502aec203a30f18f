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


package dev.sandboxes.koyeb.emulator.executor;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.sandboxes.koyeb.emulator.runtime.CommandRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ExecutorRequests}.
 */
class ExecutorRequestsTests {

	@Test
	void unpairedSurrogateEscapesBecomeReplacementCharactersAsGoDecodesThem() {
		ExecutorRequests request = ExecutorRequests.parse("""
				{"path": "/tmp/a\\ud800b\\udc00", "content": "\\ud83d\\ude00 kept",
				 "cmd": "echo \\udfff", "env": {"K": "v\\udbff"}}""".getBytes(StandardCharsets.UTF_8))
			.orElseThrow();
		assertThat(request.string("path")).isEqualTo("/tmp/a\uFFFDb\uFFFD");
		assertThat(request.string("content")).isEqualTo("\uD83D\uDE00 kept");
		CommandRequest command = request.command();
		assertThat(command.command()).isEqualTo("echo \uFFFD");
		assertThat(command.env()).containsExactly(entry("K", "v\uFFFD"));
	}

}

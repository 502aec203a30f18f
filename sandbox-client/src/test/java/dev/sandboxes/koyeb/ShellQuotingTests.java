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

package dev.sandboxes.koyeb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShellQuoting}, run through a real {@code sh}.
 */
class ShellQuotingTests {

	@ParameterizedTest
	@ValueSource(strings = { "/plain/path", "/with space/file name.txt", "it's", "'", "''", "\"double\"", "$HOME",
			"`id`", "$(id)", "a\\b", "line1\nline2", "-rf", "*", "semi;colon && more", "ünïcødé ✓", "tab\there" })
	void quotedValueReachesTheCommandAsOneLiteralWord(String value) throws IOException, InterruptedException {
		String script = "printf '%s|' " + ShellQuoting.quote(value) + "; printf '%s' \"$#\"";
		Process process = new ProcessBuilder("sh", "-c", "set -- " + ShellQuoting.quote(value) + "; " + script)
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(output).isEqualTo(value + "|1");
	}

}

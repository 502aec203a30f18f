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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone emulator's command line.
 */
class KoyebEmulatorMainTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpDescribesEveryOption() {
		assertThat(run("--help")).isZero();
		assertThat(text(this.out)).contains("Usage: java -jar")
			.contains("--port <port>")
			.contains("--host <address>")
			.contains("--api-token <token>")
			.contains("--runtime <mode>")
			.contains("--no-network")
			.contains("--time-scale <factor>")
			.contains("default 127.0.0.1");
	}

	@Test
	void invalidOptionsNameTheOptionAndTheValue() {
		assertThat(run("--port", "eighty")).isEqualTo(2);
		assertThat(text(this.err)).contains("--port").contains("'eighty'");
		this.err.reset();
		assertThat(run("--runtime", "vm")).isEqualTo(2);
		assertThat(text(this.err)).contains("auto, bubblewrap, docker or plain").contains("'vm'");
		this.err.reset();
		assertThat(run("--time-scale", "0.5")).isEqualTo(2);
		assertThat(text(this.err)).contains("--time-scale").contains("'0.5'");
		this.err.reset();
		assertThat(run("--time-scale", "0")).isEqualTo(2);
		assertThat(text(this.err)).contains("timeScale").contains("at least 1").contains("was 0");
		this.err.reset();
		assertThat(run("--bogus")).isEqualTo(2);
		assertThat(text(this.err)).contains("Unknown option '--bogus'");
	}

	private int run(String... args) {
		return KoyebEmulatorMain.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}

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

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone emulator: its command line, and a real emulator process started and stopped
 * as a user would.
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
		assertThat(text(this.err)).contains("auto, bubblewrap or plain").contains("'vm'");
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

	@Test
	void standaloneProcessServesAndCleansUpWhenStopped(@TempDir Path data) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process emulator = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KoyebEmulatorMain.class.getName(), "--port", "0", "--data-dir", data.toString())
			.redirectErrorStream(true)
			.start();
		try {
			String baseUrl = awaitListening(emulator);
			RawHttp http = new RawHttp(baseUrl);
			RawHttp.RawSandbox sandbox = http.createSandbox("standalone", "standalone-secret");
			RawHttp.Reply run = new RawHttp(sandbox.executorBase()).send("POST", "/run", "{\"cmd\":\"echo up\"}",
					Map.of("X-Routing-Key", sandbox.routingKey(), "Authorization", "Bearer standalone-secret"));
			assertThat(run.body()).isEqualTo("{\"stdout\":\"up\\n\",\"stderr\":\"\",\"code\":0}\n");
			assertThat(Files.list(data.resolve("sandboxes")).toList()).hasSize(1);
		}
		finally {
			emulator.destroy();
			assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(Files.list(data.resolve("sandboxes")).toList()).isEmpty();
	}

	private static String awaitListening(Process emulator) throws IOException {
		BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
		Pattern listening = Pattern.compile("Koyeb emulator listening on (http://\\S+) ");
		String line;
		while ((line = lines.readLine()) != null) {
			Matcher matcher = listening.matcher(line);
			if (matcher.find()) {
				Thread drain = new Thread(() -> {
					try (lines) {
						lines.lines().forEach((ignored) -> {
						});
					}
					catch (IOException ex) {
						// The emulator has exited.
					}
				}, "emulator-output-drain");
				drain.setDaemon(true);
				drain.start();
				return matcher.group(1);
			}
		}
		throw new IllegalStateException("The emulator exited before listening");
	}

	private int run(String... args) {
		return KoyebEmulatorMain.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}

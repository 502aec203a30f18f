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
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar, as packaged, run as a user runs it: {@code java -jar ... --port}, then
 * stopped with SIGTERM.
 */
class KoyebEmulatorStandaloneIT {

	@Test
	void standaloneProcessServesAndCleansUpWhenStopped(@TempDir Path data) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process emulator = new ProcessBuilder(java, "-jar", standaloneJar(), "--port", "0", "--data-dir",
				data.toString())
			.redirectErrorStream(true)
			.start();
		try {
			String baseUrl = awaitListening(emulator);
			RawHttp http = new RawHttp(baseUrl);
			RawHttp.RawSandbox sandbox = http.createSandbox("standalone", "standalone-secret");
			RawHttp.Reply run = new RawHttp(sandbox.executorBase()).send("POST", "/run", "{\"cmd\":\"echo up\"}",
					Map.of("X-Routing-Key", sandbox.routingKey(), "Authorization", "Bearer standalone-secret"));
			assertThat(run.body()).isEqualTo("{\"stdout\":\"up\\n\",\"stderr\":\"\",\"code\":0}\n");
			assertThat(entries(data.resolve("sandboxes"))).hasSize(1);
		}
		finally {
			emulator.destroy();
			assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(entries(data.resolve("sandboxes"))).isEmpty();
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

	private static List<Path> entries(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.toList();
		}
	}

	private static String standaloneJar() {
		String jar = System.getProperty("koyeb.emulator.standalone-jar");
		assertThat(jar).as("system property koyeb.emulator.standalone-jar").isNotNull();
		assertThat(Path.of(jar)).isRegularFile();
		return jar;
	}

}

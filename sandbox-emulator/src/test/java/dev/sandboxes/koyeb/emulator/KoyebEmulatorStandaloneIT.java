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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The standalone jar, as packaged, run as a user runs it: {@code java -jar ... --port}, then
 * stopped with SIGTERM.
 */
class KoyebEmulatorStandaloneIT {

	/** Far longer than any call takes, even on a loaded machine; a hang fails instead of stalling. */
	private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

	@Test
	void standaloneProcessServesAndCleansUpWhenStopped(@TempDir Path data) throws Exception {
		Process emulator = start("-Xmx256m", data);
		try {
			String baseUrl = awaitListening(emulator, new RecentLines());
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

	/**
	 * Hundreds of megabytes of output pass through an emulator whose heap is far smaller: nothing
	 * holds a command's output in memory. Each call has {@link #CALL_TIMEOUT} to end, after which
	 * the test fails with a report of what the emulator and its sandbox were doing.
	 */
	@Test
	void outputLargerThanTheHeapIsStreamed(@TempDir Path data) throws Exception {
		Process emulator = start("-Xmx48m", data);
		try {
			RecentLines log = new RecentLines();
			RawHttp.RawSandbox sandbox = new RawHttp(awaitListening(emulator, log)).createSandbox("big-output",
					"secret-42");
			HttpClient http = HttpClient.newHttpClient();
			String command = "head -c 300000000 /dev/zero | tr '\\0' x; head -c 30000000 /dev/zero | tr '\\0' y 1>&2";
			CountedBody run = postWithin(emulator, log, http, sandbox, "/run", command);
			assertThat(run.status()).isEqualTo(200);
			assertThat(run.bytes()).isEqualTo(330_000_000L + "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}\n".length());
			assertThat(run.tail()).endsWith("yyy\",\"code\":0}\n");
			CountedBody streamed = postWithin(emulator, log, http, sandbox, "/run_streaming", command);
			assertThat(streamed.status()).isEqualTo(200);
			assertThat(streamed.bytes()).isGreaterThan(330_000_000L);
			assertThat(streamed.tail()).endsWith("event: complete\ndata: {\"code\":0,\"error\":false}\n\n");
			assertThat(emulator.isAlive()).isTrue();
		}
		finally {
			emulator.destroy();
			assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	/**
	 * A call read to its end within {@link #CALL_TIMEOUT}. The request's own timeout only covers
	 * the wait for the headers, hence the preemptive one around the whole call.
	 */
	private static CountedBody postWithin(Process emulator, RecentLines log, HttpClient http,
			RawHttp.RawSandbox sandbox, String endpoint, String command) {
		return assertTimeoutPreemptively(CALL_TIMEOUT, () -> post(http, sandbox, endpoint, command),
				() -> endpoint + " did not end within " + CALL_TIMEOUT + ".\n"
						+ StuckProcessReport.of(emulator, URI.create(sandbox.executorBase()).getPort())
						+ "\n\nLast lines of the emulator's output:\n" + log + "\n\n" + StuckProcessReport.ofThisJvm());
	}

	private static CountedBody post(HttpClient http, RawHttp.RawSandbox sandbox, String endpoint, String command)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.executorBase() + endpoint))
			.timeout(CALL_TIMEOUT)
			.header("X-Routing-Key", sandbox.routingKey())
			.header("Authorization", "Bearer " + sandbox.secret())
			.POST(HttpRequest.BodyPublishers.ofString(RawHttp.JSON.writeValueAsString(Map.of("cmd", command))))
			.build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		byte[] buffer = new byte[64 * 1024];
		byte[] tail = new byte[0];
		try (InputStream body = response.body()) {
			int read;
			while ((read = body.read(buffer)) != -1) {
				bytes += read;
				byte[] recent = new byte[tail.length + read];
				System.arraycopy(tail, 0, recent, 0, tail.length);
				System.arraycopy(buffer, 0, recent, tail.length, read);
				tail = Arrays.copyOfRange(recent, Math.max(0, recent.length - 64), recent.length);
			}
		}
		return new CountedBody(response.statusCode(), bytes, new String(tail, StandardCharsets.UTF_8));
	}

	private record CountedBody(int status, long bytes, String tail) {

	}

	/**
	 * The last lines of a process's output.
	 */
	private static final class RecentLines {

		private static final int KEPT = 200;

		private final Deque<String> lines = new ArrayDeque<>();

		synchronized void add(String line) {
			if (this.lines.size() == KEPT) {
				this.lines.removeFirst();
			}
			this.lines.addLast(line);
		}

		@Override
		public synchronized String toString() {
			return String.join("\n", this.lines);
		}

	}

	private static Process start(String maxHeap, Path data) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, maxHeap, "-jar", standaloneJar(), "--port", "0", "--data-dir", data.toString())
			.redirectErrorStream(true)
			.start();
	}

	/**
	 * Wait until the emulator listens, then keep reading its output, its last lines kept.
	 */
	private static String awaitListening(Process emulator, RecentLines log) throws IOException {
		BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
		Pattern listening = Pattern.compile("Koyeb emulator listening on (http://\\S+) ");
		String line;
		while ((line = lines.readLine()) != null) {
			Matcher matcher = listening.matcher(line);
			if (matcher.find()) {
				Thread drain = new Thread(() -> {
					try (lines) {
						lines.lines().forEach(log::add);
					}
					catch (IOException | UncheckedIOException ex) {
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

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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code /run} keeps a command going whatever it writes where and however slowly its caller
 * reads: stderr is read while stdout is answered, and an answer paused by its caller resumes.
 * Each chunk a command writes here is larger than a pipe holds, so a stream left unread would
 * block the command for good; the calls fail on a timeout instead of hanging.
 */
class RunBackPressureTests {

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator.withDefaults();

	private static final Duration CALL_TIMEOUT = Duration.ofMinutes(1);

	private static final int CHUNK = 200_000;

	private static final int ROUNDS = 20;

	/** How much the slow caller reads between two pauses. */
	private static final int READ_BETWEEN_PAUSES = 1024 * 1024;

	private static final long PAUSE_MILLIS = 200;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void stdoutAndStderrWrittenInTurnsReachASlowCaller() throws Exception {
		RawHttp.RawSandbox sandbox = new RawHttp(emulator.baseUrl()).createSandbox("back-pressure", "secret-bp");
		String command = "for i in $(seq " + ROUNDS + "); do head -c " + CHUNK + " /dev/zero | tr '\\0' o; head -c "
				+ CHUNK + " /dev/zero | tr '\\0' e 1>&2; done";
		byte[] body = assertTimeoutPreemptively(CALL_TIMEOUT, () -> runReadSlowly(sandbox, command));
		JsonNode reply = RawHttp.JSON.readTree(body);
		assertThat(reply.get("code").asInt()).isZero();
		String stdout = reply.get("stdout").asString();
		String stderr = reply.get("stderr").asString();
		assertThat(stdout.length()).isEqualTo(ROUNDS * CHUNK);
		assertThat(stdout.replace("o", "")).isEmpty();
		assertThat(stderr.length()).isEqualTo(ROUNDS * CHUNK);
		assertThat(stderr.replace("e", "")).isEmpty();
	}

	private byte[] runReadSlowly(RawHttp.RawSandbox sandbox, String command) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.executorBase() + "/run"))
			.timeout(CALL_TIMEOUT)
			.header("X-Routing-Key", sandbox.routingKey())
			.header("Authorization", "Bearer " + sandbox.secret())
			.POST(HttpRequest.BodyPublishers.ofString(RawHttp.JSON.writeValueAsString(Map.of("cmd", command))))
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long sincePause = 0;
		try (InputStream in = response.body()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				body.write(buffer, 0, read);
				sincePause += read;
				if (sincePause >= READ_BETWEEN_PAUSES) {
					sincePause = 0;
					Thread.sleep(PAUSE_MILLIS);
				}
			}
		}
		return body.toByteArray();
	}

}

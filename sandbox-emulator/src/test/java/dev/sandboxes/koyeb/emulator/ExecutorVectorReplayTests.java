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

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.sandboxes.koyeb.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays every exchange recorded against Koyeb's real executor, in order, against a sandbox of
 * the emulator: same status, content type and body. Ids, pids and timestamps, which differ on
 * every run, are mapped; the process list is compared as a set, since the executor does not
 * order it, and streamed output stream by stream, since stdout and stderr are read concurrently.
 */
class ExecutorVectorReplayTests {

	private static final String SECRET = "vector-replay-secret";

	private static final Pattern FRAMES = Pattern.compile("\n\n");

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator.withDefaults();



	@Test
	void everyRecordedExchangeIsReproduced() throws IOException {
		RawHttp.RawSandbox sandbox = new RawHttp(emulator.baseUrl()).createSandbox("vectors", SECRET);
		RawHttp executor = new RawHttp(sandbox.executorBase());
		Map<String, String> recordedToActual = new HashMap<>();
		JsonNode vectors = RawHttp.JSON.readTree(Files.readString(ContractFiles.koyeb("executor-vectors.json")));
		List<String> replayed = new ArrayList<>();
		for (JsonNode exchange : vectors.get("exchanges")) {
			String name = exchange.get("name").asString();
			JsonNode request = exchange.get("request");
			JsonNode expected = exchange.get("response");
			if (name.startsWith("list_processes")) {
				awaitNoTickerRunning(executor, sandbox);
			}
			RawHttp.Reply reply = executor.send(request.get("method").asString(),
					substitute(request.get("path").asString(), recordedToActual), body(request, recordedToActual),
					headers(request, sandbox));
			if (name.startsWith("start_process") && reply.status() == 201) {
				JsonNode recorded = RawHttp.JSON.readTree(expected.get("body").asString());
				recordedToActual.put(recorded.get("id").asString(), reply.json().get("id").asString());
				recordedToActual.put(recorded.get("pid").asString(), reply.json().get("pid").asString());
			}
			assertThat(reply.status()).as(name).isEqualTo(expected.get("status").asInt());
			assertThat(reply.contentType()).as(name).isEqualTo(expected.get("content_type").asString());
			assertSameBody(name, expected.get("body").asString(), restore(reply.body(), recordedToActual));
			replayed.add(name);
		}
		assertThat(replayed).hasSize(vectors.get("exchanges").size());
	}

	private static void assertSameBody(String name, String expected, String actual) {
		if (name.startsWith("list_processes")) {
			assertThat(processes(actual)).as(name).isEqualTo(processes(expected));
		}
		else if (name.equals("run_streaming")) {
			assertThat(outputByStream(actual)).as(name).isEqualTo(outputByStream(expected));
			assertThat(lastFrame(actual)).as(name).isEqualTo(lastFrame(expected));
		}
		else if (name.startsWith("process_logs_streaming")) {
			assertThat(withoutTimestamps(actual)).as(name).isEqualTo(withoutTimestamps(expected));
		}
		else {
			assertThat(actual).as(name).isEqualTo(expected);
		}
	}

	private static void awaitNoTickerRunning(RawHttp executor, RawHttp.RawSandbox sandbox) {
		await().untilAsserted(() -> assertThat(
				executor.send("GET", "/list_processes", null, authorized(sandbox)).json().get("processes"))
			.filteredOn((process) -> process.get("command").asString().startsWith("for i"))
			.allSatisfy((process) -> assertThat(process.get("status").asString()).isNotEqualTo("running")));
	}

	private static Set<String> processes(String body) {
		JsonNode processes = RawHttp.JSON.readTree(body).get("processes");
		return StreamSupport.stream(processes.spliterator(), false)
			.map(JsonNode::toString)
			.collect(Collectors.toSet());
	}

	/**
	 * The output frames of each stream, in order: stdout and stderr are read concurrently, so
	 * how their lines interleave differs from run to run.
	 */
	private static Map<String, List<String>> outputByStream(String body) {
		return FRAMES.splitAsStream(body)
			.filter((frame) -> frame.startsWith("event: output"))
			.collect(Collectors.groupingBy((frame) -> frame.contains("\"stream\":\"stdout\"") ? "stdout" : "stderr",
					Collectors.toList()));
	}

	private static String lastFrame(String body) {
		return FRAMES.splitAsStream(body).reduce((first, second) -> second).orElse("");
	}

	private static String withoutTimestamps(String body) {
		return body.replaceAll("\"timestamp\":\"[^\"]+\"", "\"timestamp\":\"T\"");
	}

	private static String body(JsonNode request, Map<String, String> recordedToActual) {
		JsonNode body = request.get("body");
		if (body.isNull()) {
			return null;
		}
		return substitute(body.isString() ? body.asString() : body.toString(), recordedToActual);
	}

	private static Map<String, String> headers(JsonNode request, RawHttp.RawSandbox sandbox) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Routing-Key", sandbox.routingKey());
		JsonNode authorization = request.get("authorization");
		if (!authorization.isNull()) {
			headers.put("Authorization", authorization.asString().replace("<sandbox-secret>", sandbox.secret()));
		}
		JsonNode contentType = request.get("content_type");
		if (!contentType.isNull()) {
			headers.put("Content-Type", contentType.asString());
		}
		return headers;
	}

	private static Map<String, String> authorized(RawHttp.RawSandbox sandbox) {
		return Map.of("X-Routing-Key", sandbox.routingKey(), "Authorization", "Bearer " + sandbox.secret());
	}

	private static String substitute(String text, Map<String, String> recordedToActual) {
		String result = text;
		for (Map.Entry<String, String> entry : recordedToActual.entrySet()) {
			if (entry.getKey().length() > 8) {
				result = result.replace(entry.getKey(), entry.getValue());
			}
		}
		return result;
	}

	private static String restore(String text, Map<String, String> recordedToActual) {
		String result = text;
		for (Map.Entry<String, String> entry : recordedToActual.entrySet()) {
			String actual = entry.getValue();
			result = (actual.length() > 8) ? result.replace(actual, entry.getKey())
					: result.replace("\"pid\":" + actual + ",", "\"pid\":" + entry.getKey() + ",")
						.replace("\"pid\":" + actual + "}", "\"pid\":" + entry.getKey() + "}");
		}
		return result;
	}

}

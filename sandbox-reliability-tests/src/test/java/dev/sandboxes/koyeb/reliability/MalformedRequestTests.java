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


package dev.sandboxes.koyeb.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Malformed requests sent to the emulator over raw HTTP, one row each with the status and the
 * exact body it answers: Koyeb's {@code Error} shape on the control plane, the executor's plain
 * text on the data plane. After each, and after requests that are not HTTP at all or are cut
 * short, the emulator still serves a well-formed request.
 */
@Timeout(60)
class MalformedRequestTests {

	private static final String TOKEN = "Bearer " + RunningEmulator.API_TOKEN;

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	private static SandboxTemplate template;

	private static Sandbox sandbox;

	private static Sandbox other;

	@BeforeAll
	static void createSandboxes() {
		template = emulator.templateBuilder().build();
		sandbox = template.create(SandboxSpec.builder().name("malformed").build());
		other = template.create(SandboxSpec.builder().name("other").build());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedRequests")
	void malformedRequestIsRefusedInTheApisShapeAndTheEmulatorServesOn(String description, String method,
			String path, Map<String, String> headers, byte @Nullable [] body, int status, String reply) {
		HttpResponse<String> response = send(method, path, headers, body);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).isEqualTo(reply);
		assertServing();
	}

	static Stream<Arguments> malformedRequests() {
		Map<String, String> json = Map.of("Authorization", TOKEN, "Content-Type", "application/json");
		return Stream.of(
				arguments("control plane: body that is not JSON", "POST", "/v1/apps", json, utf8("{\"name\": "), 400,
						koyebError(400, "invalid_argument", "Request body is not valid JSON")),
				arguments("control plane: JSON that is not an object", "POST", "/v1/apps", json, utf8("[\"app\"]"), 400,
						koyebError(400, "invalid_argument", "Request body must be a JSON object")),
				arguments("control plane: bytes that are not UTF-8", "POST", "/v1/apps", json,
						new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}' }, 400,
						koyebError(400, "invalid_argument", "Request body is not valid JSON")),
				arguments("control plane: body beyond 8 MiB", "POST", "/v1/apps", json, new byte[9 * 1024 * 1024], 400,
						koyebError(400, "invalid_argument", "Request body is larger than 8388608 bytes")),
				arguments("control plane: no token", "GET", "/v1/services", Map.of(), null, 401,
						koyebError(401, "unauthenticated",
								"Missing bearer token: send the header 'Authorization: Bearer <api token>'")),
				arguments("control plane: wrong token", "GET", "/v1/services",
						Map.of("Authorization", "Bearer not-the-token"), null, 401,
						koyebError(401, "unauthenticated", "Invalid API token")),
				arguments("control plane: unknown route", "DELETE", "/v1/organizations", json, null, 404,
						koyebError(404, "not_found", "No such API: DELETE /v1/organizations")),
				arguments("executor: body that is not JSON", "POST", "/koyeb-sandbox/run", executor(sandbox, sandbox),
						utf8("{\"cmd\": "), 400, "Invalid request\n"),
				arguments("executor: field of the wrong type", "POST", "/koyeb-sandbox/run",
						executor(sandbox, sandbox), utf8("{\"cmd\": 42}"), 400, "Invalid request\n"),
				arguments("executor: no routing key", "POST", "/koyeb-sandbox/run",
						Map.of("Authorization", "Bearer x"), utf8("{\"cmd\": \"true\"}"), 404,
						"No sandbox is routed by this key\n"),
				arguments("executor: another sandbox's secret", "POST", "/koyeb-sandbox/run", executor(sandbox, other),
						utf8("{\"cmd\": \"true\"}"), 401, "Unauthorized\n"),
				arguments("executor: wrong method", "GET", "/koyeb-sandbox/start_process", executor(sandbox, sandbox),
						null, 405, "Method not allowed\n"),
				arguments("executor: unknown endpoint", "POST", "/koyeb-sandbox/format_disk",
						executor(sandbox, sandbox), utf8("{}"), 404, "404 page not found\n"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "NOT HTTP AT ALL\r\n\r\n", "GET /v1/services HTTP/1.1\r\nHost: x\r\nContent-Length: 5",
			"POST /v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"na",
			"\u0000\u0001\u0002\u00ff\r\n" })
	void requestCutShortOrNotHttpLeavesTheEmulatorServing(String raw) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
			socket.setSoTimeout(5000);
			OutputStream output = socket.getOutputStream();
			output.write(raw.getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			socket.shutdownOutput();
			InputStream input = socket.getInputStream();
			input.readAllBytes();
		}
		assertServing();
	}

	private static void assertServing() {
		assertThat(sandbox.exec("echo served").stdout()).isEqualTo("served\n");
		assertThat(template.list()).isNotEmpty();
	}

	private static Map<String, String> executor(Sandbox routed, Sandbox secretOf) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Routing-Key", routingKey(routed));
		headers.put("Authorization", "Bearer " + SandboxSecrets.of(emulator.baseUrl(), RunningEmulator.API_TOKEN, secretOf.id()));
		headers.put("Content-Type", "application/json");
		return headers;
	}

	private static String routingKey(Sandbox routed) {
		return emulator.get().services().stream().filter((service) -> service.id().equals(routed.id()))
			.findFirst().orElseThrow().routingKey();
	}

	private static String koyebError(int status, String code, String message) {
		return "{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(String method, String path, Map<String, String> headers,
			byte @Nullable [] body) {
		HttpRequest.Builder request = TestHttp.request(emulator.baseUrl() + path)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return TestHttp.send(request);
	}

}

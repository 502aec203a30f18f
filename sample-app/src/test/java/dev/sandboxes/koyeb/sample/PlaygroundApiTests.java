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


package dev.sandboxes.koyeb.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground's REST API end to end: a real server on a random port, the embedded emulator
 * behind it, and real sandboxes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class PlaygroundApiTests {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
			new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
			new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@AfterEach
	void nothingIsLeftBehind() {
		assertThat(sandboxes()).isEmpty();
	}

	@Test
	void createsListsShowsExtendsAndDeletesASandbox() {
		Map<String, Object> created = create(Map.of("name", "api-test", "lifetime", "PT20M", "idleTimeout", "PT10M"));
		String id = (String) created.get("id");
		assertThat(created).containsEntry("name", "playground--api-test").containsEntry("status", "HEALTHY");
		assertThat(((Number) created.get("remainingLifetimeSeconds")).longValue()).isBetween(1150L, 1200L);

		assertThat(sandboxes()).extracting((sandbox) -> sandbox.get("id")).containsExactly(id);
		Map<String, Object> extended = post("/api/sandboxes/{id}/lifetime", id, Map.of("remaining", "PT45M"),
				HttpStatus.OK);
		assertThat(((Number) extended.get("remainingLifetimeSeconds")).longValue()).isBetween(2650L, 2700L);

		delete(id);
		this.client.get().uri("/api/sandboxes/{id}", id).exchange().expectStatus().isNotFound();
		this.client.delete().uri("/api/sandboxes/{id}", id).exchange().expectStatus().isNotFound();
	}

	@Test
	void runsCommandsBufferedAndStreamed() {
		inNewSandbox((id) -> {
			Map<String, Object> result = post("/api/sandboxes/{id}/exec", id,
					Map.of("command", "echo out; echo err >&2; exit 3"), HttpStatus.OK);
			assertThat(result).containsEntry("stdout", "out\n").containsEntry("stderr", "err\n").containsEntry("exitCode", 3);

			List<ServerSentEvent<Map<String, Object>>> events = stream("/api/sandboxes/{id}/exec/stream", id,
					Map.of("command", "for i in 1 2 3; do echo line $i; done; echo oops >&2; exit 2"));
			assertThat(events).filteredOn((event) -> "stdout".equals(event.event()))
				.extracting(PlaygroundApiTests::text)
				.containsExactly("line 1", "line 2", "line 3");
			assertThat(events).filteredOn((event) -> "stderr".equals(event.event()))
				.extracting(PlaygroundApiTests::text)
				.containsExactly("oops");
			assertThat(events).hasSize(5).last().satisfies((exit) -> {
				assertThat(exit.event()).isEqualTo("exit");
				assertThat(exit.data()).containsEntry("exitCode", 2);
			});
		});
	}

	@Test
	void runsCodeWrittenToTheWorkspace() {
		HostPython.assumeAvailable();
		inNewSandbox((id) -> {
			List<ServerSentEvent<Map<String, Object>>> events = stream("/api/sandboxes/{id}/code", id,
					Map.of("language", "python", "code", "import sys\nprint(6 * 7)\nprint('to stderr', file=sys.stderr)\n"));
			assertThat(events).extracting(ServerSentEvent::event).containsExactlyInAnyOrder("stdout", "stderr", "exit");
			assertThat(events).filteredOn((event) -> "stdout".equals(event.event()))
				.extracting(PlaygroundApiTests::text)
				.containsExactly("42");
			assertThat(events.get(2).event()).isEqualTo("exit");
			assertThat(events.get(2).data()).containsEntry("exitCode", 0);

			List<ServerSentEvent<Map<String, Object>>> shell = stream("/api/sandboxes/{id}/code", id,
					Map.of("language", "shell", "code", "echo \"from $0\"\nexit 5\n"));
			assertThat(shell).extracting(PlaygroundApiTests::text).first().isEqualTo("from main.sh");
			assertThat(shell.get(shell.size() - 1).data()).containsEntry("exitCode", 5);

			List<ServerSentEvent<Map<String, Object>>> indented = stream("/api/sandboxes/{id}/code", id,
					Map.of("language", "shell", "code", "printf '  two spaces\\n\\tand a tab\\n\\n'\n"));
			assertThat(indented).filteredOn((event) -> "stdout".equals(event.event()))
				.extracting(PlaygroundApiTests::text)
				.containsExactly("  two spaces", "\tand a tab", "");

			assertThat(fileNames(id, "/workspace")).contains("main.py", "main.sh");
		});
	}

	@Test
	void writesReadsUploadsDownloadsListsAndDeletesFiles() {
		inNewSandbox((id) -> {
			this.client.put()
				.uri("/api/sandboxes/{id}/files/content?path=/workspace/notes/today.txt", id)
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue("héllo, sandbox\n")
				.exchange()
				.expectStatus()
				.isNoContent();
			assertThat(this.client.get()
				.uri("/api/sandboxes/{id}/files/content?path=/workspace/notes/today.txt", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()).isEqualTo("héllo, sandbox\n");

			byte[] binary = new byte[3 * 1024 * 1024 + 17];
			new Random(7).nextBytes(binary);
			MultipartBodyBuilder upload = new MultipartBodyBuilder();
			upload.part("file", new ByteArrayResource(binary) {

				@Override
				public String getFilename() {
					return "data.bin";
				}

			});
			this.client.post()
				.uri("/api/sandboxes/{id}/files/upload?directory=/workspace/notes", id)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(BodyInserters.fromMultipartData(upload.build()))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(JSON)
				.value((entry) -> assertThat(entry).containsEntry("path", "/workspace/notes/data.bin"));
			Flux<DataBuffer> download = this.client.get()
				.uri("/api/sandboxes/{id}/files/download?path=/workspace/notes/data.bin", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueMatches("Content-Disposition", "attachment; filename=\"data.bin\".*")
				.returnResult(DataBuffer.class)
				.getResponseBody();
			byte[] downloaded = DataBufferUtils.join(download).map((joined) -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				return bytes;
			}).block(Duration.ofSeconds(30));
			assertThat(downloaded).isEqualTo(binary);

			List<Map<String, Object>> entries = listing(id, "/workspace");
			assertThat(entries).singleElement().satisfies((entry) -> {
				assertThat(entry).containsEntry("name", "notes").containsEntry("directory", true);
			});
			assertThat(fileNames(id, "/workspace/notes")).containsExactlyInAnyOrder("today.txt", "data.bin");

			post("/api/sandboxes/{id}/exec", id, Map.of("command", "mkdir -p /workspace/many/.hidden /workspace/many/sub"
					+ " && cd /workspace/many && for i in $(seq 1 250); do : > f$i; done && ln -s sub link"), HttpStatus.OK);
			List<Map<String, Object>> many = listing(id, "/workspace/many");
			assertThat(many).hasSize(253);
			assertThat(many).filteredOn((entry) -> Boolean.TRUE.equals(entry.get("directory")))
				.extracting((entry) -> entry.get("name"))
				.containsExactlyInAnyOrder(".hidden", "sub");

			this.client.delete()
				.uri("/api/sandboxes/{id}/files?path=/workspace/notes/today.txt", id)
				.exchange()
				.expectStatus()
				.isNoContent();
			this.client.get()
				.uri("/api/sandboxes/{id}/files/content?path=/workspace/notes/today.txt", id)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(JSON)
				.value((problem) -> assertThat((String) problem.get("detail")).contains("today.txt"));
			this.client.delete()
				.uri("/api/sandboxes/{id}/files?path=/workspace/notes", id)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONFLICT);
			this.client.delete()
				.uri("/api/sandboxes/{id}/files?path=/workspace/notes&recursive=true", id)
				.exchange()
				.expectStatus()
				.isNoContent();
			this.client.delete()
				.uri("/api/sandboxes/{id}/files?path=/workspace/many&recursive=true", id)
				.exchange()
				.expectStatus()
				.isNoContent();
			assertThat(fileNames(id, "/workspace")).isEmpty();
		});
	}

	@Test
	void startsListsFollowsAndKillsBackgroundProcessesAndExposesAPort() {
		HostPython.assumeAvailable();
		inNewSandbox((id) -> {
			Map<String, Object> counter = startProcess(id, "for i in 1 2 3; do echo tick $i; sleep 0.1; done");
			List<ServerSentEvent<Map<String, Object>>> logs = this.client.get()
				.uri("/api/sandboxes/{id}/processes/{pid}/logs", id, counter.get("id"))
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(EVENT)
				.getResponseBody()
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(logs).extracting(PlaygroundApiTests::text).containsExactly("tick 1", "tick 2", "tick 3");

			Map<String, Object> server = startProcess(id,
					"mkdir -p /tmp/site && echo served-from-sandbox > /tmp/site/index.html && cd /tmp/site"
							+ " && exec python3 -m http.server 8765");
			Map<String, Object> exposed = post("/api/sandboxes/{id}/port", id, Map.of("port", 8765),
					HttpStatus.OK);
			assertThat(exposed).containsEntry("port", 8765);
			WebClient exposedServer = WebClient.create((String) exposed.get("url"));
			String page = Flux.defer(() -> exposedServer.get().retrieve().bodyToMono(String.class))
				.retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100)))
				.blockLast(Duration.ofSeconds(30));
			assertThat(page).isEqualTo("served-from-sandbox\n");

			assertThat(processes(id)).filteredOn((process) -> process.get("id").equals(server.get("id")))
				.singleElement()
				.satisfies((process) -> assertThat(process).containsEntry("status", "RUNNING"));
			this.client.delete()
				.uri("/api/sandboxes/{id}/processes/{pid}", id, server.get("id"))
				.exchange()
				.expectStatus()
				.isNoContent();
			assertThat(processes(id)).filteredOn((process) -> process.get("id").equals(server.get("id")))
				.singleElement()
				.satisfies((process) -> assertThat(process).containsEntry("status", "KILLED"));
			this.client.delete().uri("/api/sandboxes/{id}/port", id).exchange().expectStatus().isNoContent();
		});
	}

	@Test
	void badInputIsAnsweredWithAProblemNamingTheField() {
		assertThat(problem(Map.of("lifetime", "PT5H"), HttpStatus.BAD_REQUEST)).containsEntry("field", "lifetime")
			.extractingByKey("detail", InstanceOfAssertFactories.STRING)
			.contains("PT5H", "7200 s");
		assertThat(problem(Map.of("lifetime", "half an hour"), HttpStatus.BAD_REQUEST))
			.extractingByKey("detail", InstanceOfAssertFactories.STRING)
			.isEqualTo("Invalid lifetime 'half an hour': expected an ISO-8601 duration such as PT30M, or a number of seconds");
		assertThat(problem(Map.of("name", "Not A Name"), HttpStatus.BAD_REQUEST)).containsEntry("field", "name");
		assertThat(problem(List.of(), HttpStatus.BAD_REQUEST)).containsEntry("detail",
				"The request body must be a JSON object");

		inNewSandbox((id) -> {
			this.client.delete()
				.uri("/api/sandboxes/{id}/files?path=/workspace&recursive=maybe", id)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody(JSON)
				.value((problem) -> assertThat(problem).containsEntry("detail",
						"Invalid recursive 'maybe': expected true or false"));
			MultipartBodyBuilder formField = new MultipartBodyBuilder();
			formField.part("file", "not a file");
			this.client.post()
				.uri("/api/sandboxes/{id}/files/upload", id)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(BodyInserters.fromMultipartData(formField.build()))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody(JSON)
				.value((problem) -> assertThat((String) problem.get("detail")).startsWith("part 'file' must be a file"));
			this.client.get()
				.uri("/api/sandboxes/{id}/processes/no-such-process/logs", id)
				.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(JSON)
				.value((problem) -> assertThat(problem).containsEntry("detail",
						"process 'no-such-process' does not exist in sandbox '" + id + "'"));
			Map<String, Object> finished = startProcess(id, "true");
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> processes(id).stream()
					.anyMatch((process) -> process.get("id").equals(finished.get("id"))
							&& process.get("status").equals("COMPLETED")));
			this.client.delete()
				.uri("/api/sandboxes/{id}/processes/{pid}", id, finished.get("id"))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONFLICT)
				.expectBody(JSON)
				.value((problem) -> assertThat((String) problem.get("detail")).endsWith("is not running: it is completed"));
			assertThat(post("/api/sandboxes/{id}/code", id, Map.of("language", "cobol", "code", "DISPLAY 'HI'."),
					HttpStatus.BAD_REQUEST))
				.containsEntry("detail", "language 'cobol' is not supported; use one of: python, shell, node");
			assertThat(post("/api/sandboxes/{id}/exec", id, Map.of("command", " "), HttpStatus.BAD_REQUEST))
				.containsEntry("detail", "command must not be blank");
			assertThat(post("/api/sandboxes/{id}/exec", id, Map.of("command", "pwd", "cwd", "/no/such/dir"),
					HttpStatus.BAD_REQUEST))
				.containsEntry("field", "cwd");
			assertThat(post("/api/sandboxes/{id}/port", id, Map.of("port", 70000), HttpStatus.BAD_REQUEST))
				.extractingByKey("detail", InstanceOfAssertFactories.STRING)
				.contains("70000");
		});
	}

	@Test
	void aDeletedSandboxIsA404BeforeAnyStreamStarts() {
		String id = (String) create(Map.of()).get("id");
		delete(id);
		this.client.post()
			.uri("/api/sandboxes/{id}/exec/stream", id)
			.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(Map.of("command", "true"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JSON)
			.value((problem) -> assertThat((String) problem.get("detail")).contains(id));
	}

	@Test
	void actuatorShowsHealthMetricsAndTheApplicationsSandboxes() {
		inNewSandbox((id) -> {
			this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.koyebSandbox.status")
				.isEqualTo("UP")
				.jsonPath("$.components.koyebSandbox.details.endpoint")
				.isEqualTo("emulator")
				.jsonPath("$.components.koyebSandbox.details.owner")
				.isEqualTo("playground");
			this.client.get()
				.uri("/actuator/sandboxes")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.sandboxes[0].id")
				.isEqualTo(id);
			this.client.get()
				.uri("/actuator/metrics/koyeb.sandbox.created")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.measurements[0].value")
				.value((Number value) -> assertThat(value.doubleValue()).isPositive());
		});
	}

	/**
	 * Run a test on a new sandbox with the application's defaults, deleting it afterwards.
	 */
	private void inNewSandbox(Consumer<String> test) {
		String id = (String) create(Map.of()).get("id");
		try {
			test.accept(id);
		}
		finally {
			delete(id);
		}
	}

	private Map<String, Object> create(Map<String, Object> request) {
		return this.client.post()
			.uri("/api/sandboxes")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> post(String uri, String id, Object body, HttpStatus expected) {
		return this.client.post()
			.uri(uri, id)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> problem(Object request, HttpStatus status) {
		return this.client.post()
			.uri("/api/sandboxes")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private void delete(String id) {
		this.client.delete().uri("/api/sandboxes/{id}", id).exchange().expectStatus().isNoContent();
	}

	private List<Map<String, Object>> sandboxes() {
		return this.client.get().uri("/api/sandboxes").exchange().expectStatus().isOk().expectBody(JSON_LIST)
			.returnResult()
			.getResponseBody();
	}

	private static @Nullable Object text(ServerSentEvent<Map<String, Object>> event) {
		Map<String, Object> data = event.data();
		return (data != null) ? data.get("text") : null;
	}

	private List<ServerSentEvent<Map<String, Object>>> stream(String uri, String id, Map<String, Object> body) {
		return this.client.post()
			.uri(uri, id)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> listing(String id, String path) {
		Map<String, Object> listing = this.client.get()
			.uri("/api/sandboxes/{id}/files?path={path}", id, path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(listing).containsEntry("path", path);
		return (List<Map<String, Object>>) listing.get("entries");
	}

	private List<Object> fileNames(String id, String path) {
		return listing(id, path).stream().map((entry) -> entry.get("name")).toList();
	}

	private Map<String, Object> startProcess(String id, String command) {
		return post("/api/sandboxes/{id}/processes", id, Map.of("command", command), HttpStatus.CREATED);
	}

	private List<Map<String, Object>> processes(String id) {
		return this.client.get()
			.uri("/api/sandboxes/{id}/processes", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_LIST)
			.returnResult()
			.getResponseBody();
	}

}

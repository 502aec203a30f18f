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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground as {@code process-aot} prepared it at build time: started from its
 * executable jar with {@code -Dspring.aot.enabled=true}, it runs a command in a sandbox of its
 * embedded emulator; and the native-image metadata generated with it carries the hints of
 * the client and the auto-configuration.
 */
class PlaygroundAotIT {

	@Test
	void aotProcessedPlaygroundRunsACommandInASandboxOfItsEmbeddedEmulator() throws Exception {
		AotProcessedPlayground playground = AotProcessedPlayground.start(builtFile("koyeb.sample.executable-jar"));
		try (playground) {
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl(playground.awaitReady(Duration.ofMinutes(2)))
				.responseTimeout(Duration.ofMinutes(1))
				.build();
			assertThat(playground.output()).contains("Starting AOT-processed PlaygroundApplication");
			assertThat(playground.sandboxesRunOn()).isEqualTo("the embedded emulator");

			AtomicReference<String> created = new AtomicReference<>();
			client.post()
				.uri("/api/sandboxes")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "aot"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody()
				.jsonPath("$.name").isEqualTo("playground--aot")
				.jsonPath("$.status").isEqualTo("HEALTHY")
				.jsonPath("$.id").value(String.class, created::set);
			String id = created.get();
			try {
				client.post()
					.uri("/api/sandboxes/{id}/exec", id)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("command", "echo aot; exit 7"))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.stdout").isEqualTo("aot\n")
					.jsonPath("$.stderr").isEqualTo("")
					.jsonPath("$.exitCode").isEqualTo(7);
			}
			finally {
				client.delete().uri("/api/sandboxes/{id}", id).exchange().expectStatus().isNoContent();
			}
			client.get().uri("/api/sandboxes").exchange().expectStatus().isOk().expectBody().json("[]");
		}
		assertThat(playground.anyProcessAlive()).as("a process of the playground is left").isFalse();
	}

	@Test
	void nativeImageMetadataCarriesTheHintsOfTheClientAndTheAutoConfiguration() {
		Path metadata = builtFile("koyeb.sample.aot-resources")
			.resolve("META-INF/native-image/dev.sandboxes/sample-app/reachability-metadata.json");
		JsonNode reflection = JsonMapper.builder().build().readTree(metadata.toFile()).get("reflection");
		List<String> types = reflection.valueStream()
			.map((entry) -> entry.path("type"))
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.toList();
		assertThat(types).contains("dev.sandboxes.koyeb.controlplane.CreateService",
				"dev.sandboxes.koyeb.controlplane.KoyebApi$ServiceReply", "dev.sandboxes.koyeb.executor.RunRequest",
				"dev.sandboxes.koyeb.executor.ExecutorWire$RunReply",
				"dev.sandboxes.koyeb.boot.autoconfigure.SandboxProperties$Emulator",
				"dev.sandboxes.koyeb.boot.autoconfigure.actuate.SandboxesEndpoint$SandboxDescriptor");
	}

	private static Path builtFile(String property) {
		String path = System.getProperty(property);
		assertThat(path).as("system property " + property).isNotNull();
		assertThat(Path.of(path)).exists();
		return Path.of(path);
	}

}

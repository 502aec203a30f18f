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

package dev.sandboxes.koyeb.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sandboxes.koyeb.ContractFiles;
import dev.sandboxes.koyeb.transport.JsonSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.fail;

/**
 * The exchanges recorded against Koyeb's real executor, read from
 * {@code shared/koyeb/executor-vectors.json} next to the repository.
 */
final class ExecutorVectors {

	/**
	 * Where the vectors are, relative to the module directory that tests run in.
	 */
	static final Path FILE = ContractFiles.koyeb("executor-vectors.json");

	private static @Nullable Map<String, Exchange> exchanges;

	private ExecutorVectors() {
	}

	/**
	 * Return the exchange with the given name.
	 * @param name the name of the exchange
	 * @return the exchange
	 */
	static Exchange get(String name) {
		Exchange exchange = all().get(name);
		if (exchange == null) {
			return fail("No exchange named '" + name + "' in " + FILE.toAbsolutePath().normalize());
		}
		return exchange;
	}

	/**
	 * Return every exchange by name, in file order.
	 * @return the exchanges
	 */
	static synchronized Map<String, Exchange> all() {
		if (exchanges == null) {
			exchanges = load();
		}
		return exchanges;
	}

	private static Map<String, Exchange> load() {
		try {
			JsonNode root = JsonSupport.mapper().readTree(Files.readString(FILE));
			Map<String, Exchange> byName = new LinkedHashMap<>();
			for (JsonNode exchange : root.get("exchanges")) {
				JsonNode request = exchange.get("request");
				JsonNode response = exchange.get("response");
				byName.put(exchange.get("name").asString(),
						new Exchange(exchange.get("name").asString(), request.get("method").asString(),
								request.get("path").asString(), text(request.get("authorization")),
								text(request.get("content_type")), request.get("body"),
								response.get("status").asInt(), response.get("content_type").asString(),
								response.get("body").asString()));
			}
			return byName;
		}
		catch (IOException ex) {
			return fail("Could not read " + FILE.toAbsolutePath().normalize(), ex);
		}
	}

	private static @Nullable String text(JsonNode node) {
		return node.isNull() ? null : node.asString();
	}

	/**
	 * One recorded exchange.
	 *
	 * @param name the name of the exchange
	 * @param method the request method
	 * @param path the request path and query, relative to the executor base URL
	 * @param authorization the {@code Authorization} header sent, or {@code null}
	 * @param contentType the {@code Content-Type} header sent, or {@code null}
	 * @param body the JSON body sent, a JSON null when none
	 * @param status the response status
	 * @param responseContentType the response {@code Content-Type}
	 * @param responseBody the response body
	 */
	record Exchange(String name, String method, String path, @Nullable String authorization,
			@Nullable String contentType, JsonNode body, int status, String responseContentType,
			String responseBody) {

	}

	/**
	 * Return the names of every exchange.
	 * @return the names
	 */
	static List<String> names() {
		return List.copyOf(all().keySet());
	}

}

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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls, shaped by hand as a test writes them, with no help from our client.
 */
final class RawHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	RawHttp(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	Reply send(String method, String path, @Nullable String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A control-plane call with a bearer token and a JSON body.
	 */
	Reply api(String method, String path, @Nullable Object body) {
		return send(method, path, (body != null) ? JSON.writeValueAsString(body) : null,
				Map.of("Authorization", "Bearer any-token", "Content-Type", "application/json"));
	}

	/**
	 * Create a sandbox the way the SDKs do (app, then service) and wait until its deployment is
	 * healthy.
	 * @param name the sandbox name
	 * @param secret its executor secret
	 * @return where its executor is
	 */
	RawSandbox createSandbox(String name, String secret) {
		String appId = api("POST", "/v1/apps",
				Map.of("name", "sandbox-app-" + name, "life_cycle", Map.of("delete_when_empty", true)))
			.json()
			.at("/app/id")
			.asString();
		JsonNode service = api("POST", "/v1/services",
				Map.of("app_id", appId, "definition", KoyebProtocolTests.definition(name, secret)))
			.json()
			.get("service");
		String deploymentId = service.get("latest_deployment_id").asString();
		JsonNode deployment = JSON.createObjectNode();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			deployment = api("GET", "/v1/deployments/" + deploymentId, null).json().get("deployment");
			if (deployment.get("status").asString().equals("HEALTHY")) {
				return new RawSandbox(service.get("id").asString(), appId,
						deployment.at("/metadata/sandbox/public_url").asString() + "/koyeb-sandbox",
						deployment.at("/metadata/sandbox/routing_key").asString(), secret);
			}
		}
		throw new IllegalStateException("Deployment never became healthy: " + deployment);
	}

	record RawSandbox(String serviceId, String appId, String executorBase, String routingKey, String secret) {

	}

	record Reply(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}

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


package dev.sandboxes.koyeb.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a sandbox's executor is reached, read from the control plane with the JDK's HTTP
 * client and a JSON tree: the service's latest deployment, its
 * {@code metadata.sandbox.public_url} and {@code routing_key}, and the
 * {@code SANDBOX_SECRET} of its definition. The secret never appears in
 * {@link #toString()}.
 *
 * @param executorUrl the executor's base URL, ending in {@code /koyeb-sandbox}
 * @param routingKey the value of {@code X-Routing-Key}
 * @param secret the bearer secret of the executor
 * @since 0.1.0
 */
public record RawExecutorAddress(URI executorUrl, String routingKey, String secret) {

	private static final JsonMapper json = JsonMapper.builder().build();

	static RawExecutorAddress lookUp(URI apiBase, String apiToken, String serviceId) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		JsonNode service = get(client, apiBase.resolve("/v1/services/" + serviceId), apiToken).path("service");
		String deploymentId = service.path("latest_deployment_id").asString();
		JsonNode deployment = get(client, apiBase.resolve("/v1/deployments/" + deploymentId), apiToken)
			.path("deployment");
		JsonNode sandbox = deployment.path("metadata").path("sandbox");
		String secret = null;
		for (JsonNode variable : deployment.path("definition").path("env")) {
			if ("SANDBOX_SECRET".equals(variable.path("key").asString())) {
				secret = variable.path("value").asString();
			}
		}
		if (secret == null) {
			throw new IllegalStateException("Deployment " + deploymentId + " has no SANDBOX_SECRET");
		}
		return new RawExecutorAddress(URI.create(sandbox.path("public_url").asString() + "/koyeb-sandbox"),
				sandbox.path("routing_key").asString(), secret);
	}

	private static JsonNode get(HttpClient client, URI uri, String apiToken) {
		HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiToken).build();
		try {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
			}
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + uri + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during GET " + uri, ex);
		}
	}

	/**
	 * Resolve an executor endpoint.
	 * @param endpoint the endpoint, such as {@code run}
	 * @return its URI
	 */
	public URI endpoint(String endpoint) {
		return URI.create(this.executorUrl + "/" + endpoint);
	}

	@Override
	public String toString() {
		return "RawExecutorAddress[executorUrl=" + this.executorUrl + ", routingKey=" + this.routingKey + "]";
	}

}

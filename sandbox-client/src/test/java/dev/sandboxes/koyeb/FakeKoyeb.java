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

package dev.sandboxes.koyeb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.transport.TestExchanges;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted Koyeb on MockWebServer for wire tests of the template: the control plane of
 * one sandbox (service {@value #SERVICE_ID} in app {@value #APP_ID}) and its executor,
 * reached through {@code metadata.sandbox.public_url} on the same server. Every request
 * is recorded; any endpoint can be overridden.
 */
final class FakeKoyeb implements AutoCloseable {

	static final String API_TOKEN = "koyeb-api-token-7f3a9c1e";

	static final String SERVICE_ID = "svc-1";

	static final String APP_ID = "app-1";

	static final String DEPLOYMENT_ID = "dep-1";

	static final String ROUTING_KEY = "rk-1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Function<RecordedRequest, MockResponse>> overrides = new ConcurrentHashMap<>();

	private final Deque<String> deploymentStatuses = new ArrayDeque<>(List.of("HEALTHY"));

	private volatile @Nullable String sandboxSecret = "recovered-secret-5b2d8e";

	private volatile Instant createdAt = Instant.parse("2026-11-26T10:00:00Z");

	private volatile boolean withSandboxMetadata = true;

	FakeKoyeb() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				FakeKoyeb.this.requests.add(request);
				return respond(request);
			}
		});
		this.server.start();
	}

	/**
	 * Return a blocking template pointed at this server with short deadlines.
	 */
	SandboxTemplateBuilder templateBuilder() {
		return SandboxTemplate.builder()
			.apiToken(API_TOKEN)
			.baseUrl(baseUrl())
			.retryPolicy(TestExchanges.FAST_RETRIES)
			.requestTimeout(Duration.ofSeconds(5))
			.readyTimeout(Duration.ofSeconds(10));
	}

	String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	/**
	 * Statuses the deployment reports, one per poll; the last one repeats.
	 */
	void deploymentStatuses(String... statuses) {
		synchronized (this.deploymentStatuses) {
			this.deploymentStatuses.clear();
			this.deploymentStatuses.addAll(List.of(statuses));
		}
	}

	void override(String methodAndPath, Function<RecordedRequest, MockResponse> response) {
		this.overrides.put(methodAndPath, response);
	}

	void createdAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	void withoutSandboxMetadata() {
		this.withSandboxMetadata = false;
	}

	/**
	 * Return the sandbox secret: the one sent at creation, else the one the deployment
	 * holds for reconnection.
	 */
	String sandboxSecret() {
		return this.sandboxSecret;
	}

	List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the recorded requests as {@code METHOD target} lines.
	 */
	List<String> requestLines() {
		return this.requests.stream().map((r) -> r.getMethod() + " " + r.getTarget()).collect(Collectors.toList());
	}

	RecordedRequest request(String methodAndTarget) {
		return this.requests.stream()
			.filter((r) -> (r.getMethod() + " " + r.getTarget()).equals(methodAndTarget))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No request " + methodAndTarget + " in " + requestLines()));
	}

	List<RecordedRequest> requests(String methodAndTarget) {
		return this.requests.stream()
			.filter((r) -> (r.getMethod() + " " + r.getTarget()).equals(methodAndTarget))
			.collect(Collectors.toList());
	}

	static JsonNode json(RecordedRequest request) {
		return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
	}

	static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	static MockResponse sse(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
	}

	private MockResponse respond(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		Function<RecordedRequest, MockResponse> override = this.overrides.get(request.getMethod() + " " + path);
		if (override == null) {
			override = this.overrides.get(request.getMethod() + " " + request.getTarget());
		}
		if (override != null) {
			return override.apply(request);
		}
		return switch (request.getMethod() + " " + path) {
			case "POST /v1/services" -> createService(request);
			case "POST /v1/apps" -> json(200, "{\"app\":{\"id\":\"" + APP_ID + "\",\"name\":\"x\"}}");
			case "GET /v1/apps/" + APP_ID -> json(200, "{\"app\":{\"id\":\"" + APP_ID
					+ "\",\"domains\":[{\"name\":\"sandbox-app-x-org.koyeb.app\"}]}}");
			case "GET /v1/services/" + SERVICE_ID -> json(200, "{\"service\":" + service() + "}");
			case "GET /v1/deployments/" + DEPLOYMENT_ID -> json(200, "{\"deployment\":" + deployment() + "}");
			case "DELETE /v1/apps/" + APP_ID, "DELETE /v1/services/" + SERVICE_ID -> json(200, "{}");
			case "PATCH /v1/services/" + SERVICE_ID -> json(200, "{\"service\":" + service() + "}");
			case "GET /koyeb-sandbox/health" -> json(200, "{\"status\":\"ok\"}");
			case "POST /koyeb-sandbox/run" -> json(200, "{\"stdout\":\"hello\\n\",\"stderr\":\"\",\"code\":0}");
			default -> json(404, "{\"status\":404,\"code\":\"not_found\",\"message\":\"Not found\"}");
		};
	}

	private MockResponse createService(RecordedRequest request) {
		JsonNode body = json(request);
		boolean dryRun = "true".equals(request.getUrl().queryParameter("dry_run"));
		if (!dryRun) {
			for (JsonNode env : body.path("definition").path("env")) {
				if (SandboxSpec.SECRET_ENV_KEY.equals(env.path("key").asString())) {
					this.sandboxSecret = env.path("value").asString();
				}
			}
		}
		return json(200, dryRun ? "{\"service\":{}}" : "{\"service\":" + service() + "}");
	}

	private String service() {
		return "{\"id\":\"" + SERVICE_ID + "\",\"name\":\"build-42\",\"type\":\"SANDBOX\",\"app_id\":\"" + APP_ID
				+ "\",\"status\":\"HEALTHY\",\"created_at\":\"" + this.createdAt
				+ "\",\"latest_deployment_id\":\"" + DEPLOYMENT_ID
				+ "\",\"life_cycle\":{\"delete_after_create\":\"3600\",\"delete_after_sleep\":600},\"unknown_field\":1}";
	}

	private String deployment() {
		String status;
		synchronized (this.deploymentStatuses) {
			status = (this.deploymentStatuses.size() > 1) ? this.deploymentStatuses.poll()
					: this.deploymentStatuses.peek();
		}
		String metadata = this.withSandboxMetadata ? "{\"sandbox\":{\"public_url\":\"" + baseUrl()
				+ "/\",\"routing_key\":\"" + ROUTING_KEY + "\"},\"proxy_ports\":[{\"host\":\"01.proxy.koyeb.app\","
				+ "\"public_port\":\"20471\",\"port\":3031,\"protocol\":\"tcp\"}]}" : "{}";
		return "{\"id\":\"" + DEPLOYMENT_ID + "\",\"service_id\":\"" + SERVICE_ID + "\",\"status\":\"" + status
				+ "\",\"messages\":[\"Instance is " + status.toLowerCase(Locale.ROOT) + "\"],\"metadata\":" + metadata
				+ ",\"definition\":{\"name\":\"build-42\",\"type\":\"SANDBOX\",\"env\":[{\"key\":\"CI\",\"value\":\"true\"},"
				+ "{\"key\":\"SANDBOX_SECRET\",\"value\":\"" + this.sandboxSecret + "\"}]}}";
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}

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


package dev.sandboxes.koyeb.emulator.controlplane;

import java.nio.charset.StandardCharsets;

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.SandboxServiceDefinitions;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.transport.JsonSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the routes of a control plane in memory, as Koyeb's clients do.
 */
final class TestApi {

	/**
	 * The API token the tests send.
	 */
	static final String TOKEN = "koyeb-api-token-T0k3n";

	/**
	 * The sandbox secret of the sandboxes the tests create.
	 */
	static final String SECRET = "sandbox-secret-Zq8vW3";

	/**
	 * The public URL of the emulator in these tests.
	 */
	static final String PUBLIC_URL = "http://127.0.0.1:41234";

	/**
	 * Parses and writes JSON in the tests.
	 */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebTestClient client;

	TestApi(ControlPlane controlPlane) {
		this.client = WebTestClient.bindToRouterFunction(controlPlane.routes()).build();
	}

	/**
	 * Settings of the tests: a test clock, no deployment delay, any token accepted.
	 * @param clock the clock
	 * @return the settings
	 */
	static ControlPlaneSettings settings(MutableClock clock) {
		return ControlPlaneSettings.defaults(() -> PUBLIC_URL).withClock(clock);
	}

	/**
	 * Build the body that the client sends to create a sandbox in {@code na} on {@code micro}.
	 * @param appId the app id
	 * @param name the sandbox name
	 * @param spec the sandbox
	 * @param lifeCycle the deletion rules
	 * @return the JSON body
	 */
	static String sandboxBody(String appId, String name, SandboxSpec spec, ServiceLifeCycle lifeCycle) {
		return new String(JsonSupport.write(SandboxServiceDefinitions.createService(spec, appId, name, "na", "micro",
				lifeCycle, SECRET)), StandardCharsets.UTF_8);
	}

	Reply get(String uri) {
		return exchange(HttpMethod.GET, uri, null, TOKEN);
	}

	Reply post(String uri, String body) {
		return exchange(HttpMethod.POST, uri, body, TOKEN);
	}

	Reply put(String uri, String body) {
		return exchange(HttpMethod.PUT, uri, body, TOKEN);
	}

	Reply patch(String uri, String body) {
		return exchange(HttpMethod.PATCH, uri, body, TOKEN);
	}

	Reply delete(String uri) {
		return exchange(HttpMethod.DELETE, uri, null, TOKEN);
	}

	Reply exchange(HttpMethod method, String uri, @Nullable String body, @Nullable String token) {
		WebTestClient.RequestBodySpec request = this.client.method(method).uri(uri);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		EntityExchangeResult<byte[]> result = request.exchange().expectBody(byte[].class).returnResult();
		byte[] bytes = result.getResponseBody();
		String text = (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "";
		JsonNode json = text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
		return new Reply(result.getStatus().value(), json, text, result.getResponseHeaders());
	}

	/**
	 * Create an app.
	 * @param name the app name
	 * @param deleteWhenEmpty whether it is deleted with its last service
	 * @return the app id
	 */
	String createApp(String name, boolean deleteWhenEmpty) {
		Reply reply = post("/v1/apps",
				"{\"name\": \"" + name + "\", \"life_cycle\": {\"delete_when_empty\": " + deleteWhenEmpty + "}}");
		assertThat(reply.status()).isEqualTo(200);
		return reply.text("/app/id");
	}

	/**
	 * Create a sandbox as the client does.
	 * @param appId the app id
	 * @param name the sandbox name
	 * @param spec the sandbox
	 * @param lifeCycle the deletion rules
	 * @return the service
	 */
	JsonNode createSandbox(String appId, String name, SandboxSpec spec, ServiceLifeCycle lifeCycle) {
		Reply reply = post("/v1/services", sandboxBody(appId, name, spec, lifeCycle));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("service");
	}

	/**
	 * Read the latest deployment of a service.
	 * @param serviceId the service id
	 * @return the deployment
	 */
	JsonNode latestDeployment(String serviceId) {
		String deploymentId = get("/v1/services/" + serviceId).text("/service/latest_deployment_id");
		Reply reply = get("/v1/deployments/" + deploymentId);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json().path("deployment");
	}

	/**
	 * A reply.
	 *
	 * @param status the HTTP status
	 * @param json the body as JSON, missing when empty
	 * @param body the body as text
	 * @param headers the headers
	 */
	record Reply(int status, JsonNode json, String body, HttpHeaders headers) {

		/**
		 * Read a string of the body.
		 * @param pointer its JSON pointer
		 * @return the string
		 */
		String text(String pointer) {
			JsonNode node = this.json.at(pointer);
			assertThat(node.isString()).as(pointer + " in " + this.body).isTrue();
			return node.stringValue();
		}

	}

}

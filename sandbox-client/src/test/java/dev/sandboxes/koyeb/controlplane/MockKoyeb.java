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


package dev.sandboxes.koyeb.controlplane;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.transport.JsonSupport;
import dev.sandboxes.koyeb.transport.TestExchanges;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MockWebServer standing in for Koyeb's API, with helpers to script its answers and
 * inspect the requests it received.
 */
final class MockKoyeb implements AutoCloseable {

	/**
	 * API token the clients of these tests send.
	 */
	static final String TOKEN = "koyeb-test-token-5f1c2a9e";

	private final MockWebServer server = new MockWebServer();

	MockKoyeb() throws IOException {
		this.server.start();
	}

	/**
	 * Return the server's base URL, ending with {@code /}.
	 * @return the base URL
	 */
	URI baseUrl() {
		return this.server.url("/").uri();
	}

	/**
	 * Create a client of this server with a 5 s request timeout.
	 * @return the client
	 */
	KoyebApi api() {
		return api(Duration.ofSeconds(5));
	}

	/**
	 * Create a client of this server.
	 * @param requestTimeout the deadline of each call
	 * @return the client
	 */
	KoyebApi api(Duration requestTimeout) {
		return new KoyebApi(TestExchanges.create(), baseUrl(), TOKEN, requestTimeout);
	}

	/**
	 * Queue a JSON answer.
	 * @param status the HTTP status
	 * @param json the body
	 */
	void enqueue(int status, String json) {
		enqueue(response(status, json).build());
	}

	/**
	 * Queue an answer.
	 * @param response the answer
	 */
	void enqueue(MockResponse response) {
		this.server.enqueue(response);
	}

	/**
	 * Start a JSON answer, to add headers or effects.
	 * @param status the HTTP status
	 * @param json the body
	 * @return the builder
	 */
	static MockResponse.Builder response(int status, String json) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(json);
	}

	/**
	 * Take the next request the server received, failing if none arrives within a second.
	 * @return the request
	 * @throws InterruptedException if interrupted
	 */
	RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request).as("request received by the mock Koyeb API").isNotNull();
		return request;
	}

	/**
	 * Return how many requests the server received.
	 * @return the count
	 */
	int requestCount() {
		return this.server.getRequestCount();
	}

	/**
	 * Return the body of a request.
	 * @param request the request
	 * @return the body bytes, empty when there was none
	 */
	static byte[] body(RecordedRequest request) {
		ByteString body = request.getBody();
		return (body != null) ? body.toByteArray() : new byte[0];
	}

	/**
	 * Parse JSON text.
	 * @param json the text
	 * @return the tree
	 */
	static JsonNode tree(String json) {
		return JsonSupport.mapper().readTree(json);
	}

	/**
	 * Parse a JSON body.
	 * @param json the bytes
	 * @return the tree
	 */
	static JsonNode tree(byte[] json) {
		return tree(new String(json, StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.server.close();
	}

}

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The floor of a command's round trip with the JDK's HTTP client: one prepared
 * {@code POST /run} request, sent again and again over HTTP/1.1, its body read whole. No
 * JSON is parsed; the answer is only checked for a zero exit code. Like the template's
 * commands, a request has a deadline of a minute, so that an exchange that never ends
 * fails its benchmark instead of stopping the run.
 *
 * @since 0.1.0
 */
public final class JdkHttpExecutor {

	private static final String SUCCESS = "\"code\":0}";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final HttpRequest run;

	/**
	 * Prepare the request that runs a command.
	 * @param address the sandbox's executor
	 * @param command the command, a JSON-safe string
	 */
	public JdkHttpExecutor(RawExecutorAddress address, String command) {
		this.run = HttpRequest.newBuilder(address.endpoint("run"))
			.header("Authorization", "Bearer " + address.secret())
			.header("X-Routing-Key", address.routingKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(RunBodies.of(command)))
			.build();
	}

	/**
	 * Run the command and wait for its answer.
	 * @return the answer's body
	 * @throws IOException if the exchange fails or does not end within its deadline
	 * @throws InterruptedException if interrupted while waiting
	 */
	public String run() throws IOException, InterruptedException {
		HttpResponse<String> response;
		try {
			// HttpRequest.timeout would end with the response's headers: the deadline covers the body too.
			response = this.client.sendAsync(this.run, HttpResponse.BodyHandlers.ofString())
				.get(RunBodies.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IOException("POST /run failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IOException("POST /run got no whole answer within " + RunBodies.DEADLINE, ex);
		}
		String body = response.body();
		if (response.statusCode() != 200 || !body.strip().endsWith(SUCCESS)) {
			throw new IllegalStateException("POST /run answered " + response.statusCode() + ": " + body);
		}
		return body;
	}

}

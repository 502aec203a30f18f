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

package dev.sandboxes.koyeb.transport;

import java.time.Duration;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link HttpExchanges} for tests: a plain WebClient and a retry policy with short waits.
 */
public final class TestExchanges {

	/**
	 * Retry policy of tests: the default number of retries with millisecond backoffs.
	 */
	public static final RetryPolicy FAST_RETRIES = new RetryPolicy(RetryPolicy.DEFAULT.maxRetries(),
			Duration.ofMillis(10), Duration.ofMillis(40), 0.5);

	private TestExchanges() {
	}

	/**
	 * Create exchanges with {@link #FAST_RETRIES} and a 1 MiB body limit.
	 * @return the exchanges
	 */
	public static HttpExchanges create() {
		return new HttpExchanges(WebClient.builder().build(), FAST_RETRIES, 1024 * 1024);
	}

}

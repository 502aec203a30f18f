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

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Where and how a sandbox's executor is reached: its base URL (ending in
 * {@code /koyeb-sandbox}), the routing key sent as {@code X-Routing-Key} when the
 * sandbox is addressed through Koyeb's shared sandbox host, and the bearer secret. The
 * secret never appears in {@link #toString()}.
 *
 * @param baseUrl the executor base URL
 * @param routingKey the routing key, or {@code null} when the base URL is the app's own
 * domain
 * @param secret the sandbox secret
 * @since 0.1.0
 */
public record ExecutorEndpoint(URI baseUrl, @Nullable String routingKey, String secret) {

	@Override
	public String toString() {
		return "ExecutorEndpoint[baseUrl=" + this.baseUrl + ", routingKey=" + this.routingKey + "]";
	}

}

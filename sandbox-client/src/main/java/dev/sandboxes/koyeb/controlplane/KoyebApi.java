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

import java.net.URI;
import java.time.Duration;

import dev.sandboxes.koyeb.transport.HttpExchanges;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Client of the subset of Koyeb's REST API that sandboxes use. Authenticates with the API
 * token, which never appears in {@link #toString()}, logs or exceptions.
 *
 * @since 0.1.0
 */
public final class KoyebApi {

	/**
	 * Koyeb's public API.
	 */
	public static final URI DEFAULT_BASE_URL = URI.create("https://app.koyeb.com");

	/**
	 * Placeholder app id sent with a dry-run service creation, so that a definition is
	 * validated before any app exists.
	 */
	public static final String DRY_RUN_APP_ID = "74140198-4d29-4a1e-bdc9-5cc2b355ccd0";

	/**
	 * Page size used when listing every service.
	 */
	public static final int PAGE_SIZE = 100;

	public KoyebApi(HttpExchanges http, URI baseUrl, String apiToken, Duration requestTimeout) {
		throw new UnsupportedOperationException("not yet written");
	}

	public URI baseUrl() {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<App> createApp(CreateApp body) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<App> getApp(String appId) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> deleteApp(String appId) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> validateService(CreateService body, String sandboxSecret) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Service> createService(CreateService body, String sandboxSecret) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Service> getService(String serviceId) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<ServicePage> listServices(ServiceQuery query, long limit, long offset) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Flux<Service> listAllServices(ServiceQuery query) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Service> updateLifecycle(String serviceId, ServiceLifeCycle lifeCycle) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> deleteService(String serviceId) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Deployment> getDeployment(String deploymentId) {
		throw new UnsupportedOperationException("not yet written");
	}

}

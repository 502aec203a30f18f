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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.transport.CallKind;
import dev.sandboxes.koyeb.transport.CallOptions;
import dev.sandboxes.koyeb.transport.HttpExchanges;
import dev.sandboxes.koyeb.transport.HttpResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Client of the subset of Koyeb's REST API that sandboxes use. Authenticates with the API
 * token, which never appears in {@link #toString()}, logs or exceptions. Every call ends
 * within the request timeout, retries included, with a result or a
 * {@link dev.sandboxes.koyeb.SandboxException}.
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

	private static final String APPS = "/v1/apps";

	private static final String APP = "/v1/apps/{id}";

	private static final String SERVICES = "/v1/services";

	private static final String SERVICE = "/v1/services/{id}";

	private static final String DEPLOYMENT = "/v1/deployments/{id}";

	private final HttpExchanges http;

	private final URI baseUrl;

	private final String apiToken;

	private final Duration requestTimeout;

	/**
	 * Create a client.
	 * @param http the exchanges that send the requests
	 * @param baseUrl the API's base URL, for example {@link #DEFAULT_BASE_URL}; an absolute
	 * HTTP or HTTPS URL without user info, query or fragment
	 * @param apiToken the Koyeb API token
	 * @param requestTimeout the deadline of each call, retries included
	 */
	public KoyebApi(HttpExchanges http, URI baseUrl, String apiToken, Duration requestTimeout) {
		Assert.notNull(http, "http must not be null");
		Assert.isTrue(isPlainHttpUrl(baseUrl),
				"baseUrl must be an absolute http(s) URL without user info, query or fragment");
		Assert.hasText(apiToken, "apiToken must not be empty");
		Assert.isTrue(!requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout must be positive");
		this.http = http;
		this.baseUrl = baseUrl;
		this.apiToken = apiToken;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Return the API's base URL, named in authentication errors.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Create an app: {@code POST /v1/apps}. Not retried after a failure whose effect is
	 * unknown.
	 * @param body the app to create
	 * @return the created app
	 */
	public Mono<App> createApp(CreateApp body) {
		return new Call(HttpMethod.POST, APPS, CallKind.NON_IDEMPOTENT).body(body)
			.receive(AppReply.class, AppReply::app);
	}

	/**
	 * Find the apps of a name: {@code GET /v1/apps?name=}, keeping the exact matches of the
	 * first page.
	 * @param name the app name
	 * @return the apps so named
	 */
	public Flux<App> findApps(String name) {
		Assert.hasText(name, "name must not be empty");
		return new Call(HttpMethod.GET, APPS, CallKind.IDEMPOTENT).query("name", name)
			.query("limit", PAGE_SIZE)
			.receive(AppListReply.class, AppListReply::apps)
			.flatMapIterable(Function.identity())
			.filter((app) -> name.equals(app.name()));
	}

	/**
	 * Read an app: {@code GET /v1/apps/{id}}.
	 * @param appId the app id
	 * @return the app; a {@link SandboxNotFoundException} if it does not exist
	 */
	public Mono<App> getApp(String appId) {
		return new Call(HttpMethod.GET, APP, CallKind.IDEMPOTENT).id(appId).receive(AppReply.class, AppReply::app);
	}

	/**
	 * Delete an app and every service in it: {@code DELETE /v1/apps/{id}}. An app that
	 * does not exist counts as deleted.
	 * @param appId the app id
	 * @return completes once deleted
	 */
	public Mono<Void> deleteApp(String appId) {
		return delete(APP, appId);
	}

	/**
	 * Validate a service without creating it: {@code POST /v1/services?dry_run=true}.
	 * @param body the service that would be created
	 * @param sandboxSecret the sandbox secret the body carries, redacted from error bodies
	 * @return completes if Koyeb accepts the body
	 */
	public Mono<Void> validateService(CreateService body, String sandboxSecret) {
		return new Call(HttpMethod.POST, SERVICES, CallKind.IDEMPOTENT).query("dry_run", true)
			.body(body)
			.redacting(sandboxSecret)
			.send()
			.then();
	}

	/**
	 * Create a service: {@code POST /v1/services}. Not retried after a failure whose effect
	 * is unknown.
	 * @param body the service to create
	 * @param sandboxSecret the sandbox secret the body carries, redacted from error bodies
	 * @return the created service
	 */
	public Mono<Service> createService(CreateService body, String sandboxSecret) {
		return new Call(HttpMethod.POST, SERVICES, CallKind.NON_IDEMPOTENT).body(body)
			.redacting(sandboxSecret)
			.receive(ServiceReply.class, ServiceReply::service);
	}

	/**
	 * Read a service: {@code GET /v1/services/{id}}.
	 * @param serviceId the service id, which is the sandbox id
	 * @return the service; a {@link SandboxNotFoundException} naming the sandbox if it does
	 * not exist
	 */
	public Mono<Service> getService(String serviceId) {
		return new Call(HttpMethod.GET, SERVICE, CallKind.IDEMPOTENT).id(serviceId)
			.receive(ServiceReply.class, ServiceReply::service)
			.onErrorMap(SandboxNotFoundException.class, (ex) -> new SandboxNotFoundException(
					"Sandbox " + serviceId + " not found (" + ex.getMessage() + ")"));
	}

	/**
	 * List one page of sandboxes: {@code GET /v1/services?types=SANDBOX}.
	 * @param query the filter
	 * @param limit the page size, at least 1
	 * @param offset the number of services to skip, at least 0
	 * @return the page
	 */
	public Mono<ServicePage> listServices(ServiceQuery query, long limit, long offset) {
		Assert.isTrue(limit > 0, "limit must be positive");
		Assert.isTrue(offset >= 0, "offset must not be negative");
		return new Call(HttpMethod.GET, SERVICES, CallKind.IDEMPOTENT).query("types", "SANDBOX")
			.query("limit", limit)
			.query("offset", offset)
			.query("name", query.name())
			.query("app_id", query.appId())
			.receive(ServicePage.class, Function.identity());
	}

	/**
	 * List every sandbox matching a query, fetching pages of {@value #PAGE_SIZE} as the
	 * subscriber consumes them.
	 * @param query the filter
	 * @return the services
	 */
	public Flux<Service> listAllServices(ServiceQuery query) {
		return listFrom(query, 0);
	}

	private Flux<Service> listFrom(ServiceQuery query, long offset) {
		return listServices(query, PAGE_SIZE, offset).flatMapMany((page) -> {
			List<Service> services = (page.services() != null) ? page.services() : List.of();
			Flux<Service> current = Flux.fromIterable(services);
			if (!Boolean.TRUE.equals(page.hasNext()) || services.size() < PAGE_SIZE) {
				return current;
			}
			return current.concatWith(Flux.defer(() -> listFrom(query, offset + services.size())));
		});
	}

	/**
	 * Replace a service's deletion rules without redeploying it:
	 * {@code PATCH /v1/services/{id}} with only {@code life_cycle}.
	 * @param serviceId the service id
	 * @param lifeCycle the new rules, in seconds from the service's creation and sleep
	 * @return the updated service
	 */
	public Mono<Service> updateLifecycle(String serviceId, ServiceLifeCycle lifeCycle) {
		return new Call(HttpMethod.PATCH, SERVICE, CallKind.IDEMPOTENT).id(serviceId)
			.body(new UpdateService(lifeCycle))
			.receive(ServiceReply.class, ServiceReply::service);
	}

	/**
	 * Delete a service: {@code DELETE /v1/services/{id}}. A service that does not exist
	 * counts as deleted.
	 * @param serviceId the service id
	 * @return completes once deleted
	 */
	public Mono<Void> deleteService(String serviceId) {
		return delete(SERVICE, serviceId);
	}

	/**
	 * Read a deployment: {@code GET /v1/deployments/{id}}. Its definition carries the
	 * sandbox secret.
	 * @param deploymentId the deployment id
	 * @return the deployment
	 */
	public Mono<Deployment> getDeployment(String deploymentId) {
		return new Call(HttpMethod.GET, DEPLOYMENT, CallKind.IDEMPOTENT).id(deploymentId)
			.receive(DeploymentReply.class, DeploymentReply::deployment);
	}

	@Override
	public String toString() {
		return "KoyebApi[baseUrl=" + this.baseUrl + ", requestTimeout=" + this.requestTimeout + "]";
	}

	private Mono<Void> delete(String path, String id) {
		return new Call(HttpMethod.DELETE, path, CallKind.IDEMPOTENT).id(id)
			.send()
			.then()
			.onErrorResume(SandboxNotFoundException.class, (ex) -> Mono.empty());
	}

	private static boolean isPlainHttpUrl(@Nullable URI url) {
		return url != null && url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
				&& url.getHost() != null && url.getRawUserInfo() == null && url.getRawQuery() == null
				&& url.getRawFragment() == null;
	}

	/**
	 * One call being prepared: variables are expanded into the URI template and
	 * percent-encoded, so no id or filter can change the path or add parameters.
	 */
	private final class Call {

		private final HttpMethod method;

		private final String path;

		private final List<String> queryNames = new ArrayList<>();

		private final Map<String, Object> variables = new LinkedHashMap<>();

		private CallOptions options;

		private @Nullable Object body;

		Call(HttpMethod method, String path, CallKind kind) {
			this.method = method;
			this.path = path;
			this.options = CallOptions
				.of(method.name() + " " + path, KoyebApi.this.baseUrl.toString(), kind, KoyebApi.this.requestTimeout)
				.redacting(KoyebApi.this.apiToken);
		}

		Call id(String id) {
			if (id == null || id.isBlank() || ".".equals(id) || "..".equals(id)) {
				throw new InvalidSandboxSpecException("id", id, "must be a non-empty id, not a dot segment");
			}
			this.variables.put("id", id);
			return this;
		}

		Call query(String name, @Nullable Object value) {
			if (value != null) {
				this.queryNames.add(name);
				this.variables.put(name, value);
			}
			return this;
		}

		Call body(Object body) {
			this.body = body;
			return this;
		}

		Call redacting(String secret) {
			Assert.hasText(secret, "secret must not be empty");
			this.options = this.options.redacting(secret);
			return this;
		}

		Mono<HttpResult> send() {
			UriComponentsBuilder uri = UriComponentsBuilder.fromUri(KoyebApi.this.baseUrl).path(this.path);
			this.queryNames.forEach((name) -> uri.queryParam(name, "{" + name + "}"));
			return KoyebApi.this.http.send(this.method, uri.encode().buildAndExpand(this.variables).toUri(),
					(headers) -> {
						headers.setBearerAuth(KoyebApi.this.apiToken);
						headers.setAccept(List.of(MediaType.APPLICATION_JSON));
					}, this.body, this.options);
		}

		<R, T> Mono<T> receive(Class<R> replyType, Function<R, @Nullable T> content) {
			String operation = this.options.operation();
			return send().map((result) -> {
				T value = content.apply(result.json(replyType, operation));
				if (value == null) {
					throw new SandboxServiceException(operation + " returned a reply without its content",
							result.status(), "");
				}
				return value;
			});
		}

	}

	/**
	 * Reply of {@code POST /v1/apps} and {@code GET /v1/apps/{id}}.
	 */
	record AppReply(@Nullable App app) {

	}

	/**
	 * Reply of {@code GET /v1/apps}.
	 */
	record AppListReply(@Nullable List<App> apps) {

	}

	/**
	 * Reply of the calls that return one service.
	 */
	record ServiceReply(@Nullable Service service) {

	}

	/**
	 * Reply of {@code GET /v1/deployments/{id}}.
	 */
	record DeploymentReply(@Nullable Deployment deployment) {

	}

}

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.SandboxAuthenticationException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import dev.sandboxes.koyeb.transport.TestExchanges;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.sandboxes.koyeb.controlplane.SandboxServiceDefinitionsTests.defaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Wire tests of {@link KoyebApi} against a mock Koyeb API: exact requests, lenient
 * parsing of replies and the mapping of failures.
 */
class KoyebApiTests {

	private static final String SECRET = SandboxServiceDefinitionsTests.SECRET;

	private static final String SERVICE_JSON = """
			{"service": {"id": "svc-1", "name": "my-sandbox", "type": "SANDBOX", "organization_id": "org-1",
			  "app_id": "app-1", "status": "HEALTHY", "messages": [], "version": "42",
			  "created_at": "2026-06-30T12:00:00.123456Z", "updated_at": "2026-06-30T12:01:00Z",
			  "active_deployment_id": "dep-1", "latest_deployment_id": "dep-2",
			  "life_cycle": {"delete_after_create": "3600", "delete_after_sleep": 600},
			  "state": {"desired_deployment": {"groups": []}}, "a_future_field": [1, {"x": true}]}}
			""";

	private static final Service SERVICE = new Service("svc-1", "my-sandbox", "SANDBOX", "app-1", "HEALTHY",
			Instant.parse("2026-06-30T12:00:00.123456Z"), Instant.parse("2026-06-30T12:01:00Z"), "dep-1", "dep-2",
			new ServiceLifeCycle(3600L, 600L));

	private MockKoyeb koyeb;

	private KoyebApi api;

	@BeforeEach
	void start() throws Exception {
		this.koyeb = new MockKoyeb();
		this.api = this.koyeb.api();
	}

	@AfterEach
	void stop() {
		this.koyeb.close();
	}

	@Test
	void createAppPostsTheBodyAndReadsTheApp() throws Exception {
		this.koyeb.enqueue(200, """
				{"app": {"id": "app-1", "name": "sandbox-app-x-1767225600", "organization_id": "org-1",
				  "status": "STARTING", "version": "1", "created_at": "2026-06-30T12:00:00Z",
				  "domains": [{"id": "dom-1", "name": "sandbox-app-x-org.koyeb.app", "type": "AUTOASSIGNED"}],
				  "life_cycle": {"delete_when_empty": true}}}
				""");
		App app = this.api.createApp(new CreateApp("sandbox-app-x-1767225600", new AppLifeCycle(true), null)).block();
		assertThat(app).isEqualTo(new App("app-1", "sandbox-app-x-1767225600", "STARTING",
				List.of(new App.Domain("sandbox-app-x-org.koyeb.app")), new AppLifeCycle(true)));
		RecordedRequest request = this.koyeb.take();
		assertRequest(request, "POST", "/v1/apps", null);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(MockKoyeb.tree(MockKoyeb.body(request)))
			.isEqualTo(MockKoyeb.tree("""
					{"name": "sandbox-app-x-1767225600", "life_cycle": {"delete_when_empty": true}}"""));
	}

	@Test
	void getAppReadsTheApp() throws Exception {
		this.koyeb.enqueue(200, "{\"app\": {\"id\": \"app-1\", \"domains\": [{\"name\": \"x-org.koyeb.app\"}]}}");
		App app = this.api.getApp("app-1").block();
		assertThat(app).isEqualTo(new App("app-1", null, null, List.of(new App.Domain("x-org.koyeb.app")), null));
		assertRequest(this.koyeb.take(), "GET", "/v1/apps/app-1", null);
	}

	@Test
	void deleteAppSendsDelete() throws Exception {
		this.koyeb.enqueue(200, "{}");
		this.api.deleteApp("app-1").block();
		assertRequest(this.koyeb.take(), "DELETE", "/v1/apps/app-1", null);
	}

	@Test
	void deleteAppOfMissingAppSucceeds() throws Exception {
		this.koyeb.enqueue(404, "{\"status\": 404, \"code\": \"not_found\", \"message\": \"App not found\"}");
		this.api.deleteApp("app-1").block();
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void validateServicePostsADryRun() throws Exception {
		this.koyeb.enqueue(200, "{}");
		CreateService body = defaults(KoyebApi.DRY_RUN_APP_ID);
		this.api.validateService(body, SECRET).block();
		RecordedRequest request = this.koyeb.take();
		assertRequest(request, "POST", "/v1/services", "dry_run=true");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(MockKoyeb.tree(MockKoyeb.body(request))).isEqualTo(MockKoyeb.tree(SandboxServiceDefinitionsTests
			.expectedDefaultBody(KoyebApi.DRY_RUN_APP_ID)));
	}

	@Test
	void validateServiceIsRetriedAfterServerErrorsBecauseItChangesNothing() {
		this.koyeb.enqueue(503, "{}");
		this.koyeb.enqueue(200, "{}");
		this.api.validateService(defaults(KoyebApi.DRY_RUN_APP_ID), SECRET).block();
		assertThat(this.koyeb.requestCount()).isEqualTo(2);
	}

	@Test
	void validateServiceRedactsTheSecretFromErrors() {
		String echo = "{\"status\": 400, \"code\": \"invalid_argument\", \"message\": \"Validation error\","
				+ " \"fields\": [{\"field\": \"definition.env[2].value\", \"description\": \"bad value " + SECRET
				+ "\"}]}";
		this.koyeb.enqueue(400, echo);
		SandboxServiceException ex = catchThrowableOfType(SandboxServiceException.class,
				() -> this.api.validateService(defaults(KoyebApi.DRY_RUN_APP_ID), SECRET).block());
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getMessage()).contains("POST /v1/services", "******").doesNotContain(SECRET);
		assertThat(ex.getResponseBody()).isEqualTo(echo.replace(SECRET, "******"));
	}

	@Test
	void createServicePostsTheBodyAndReadsTheService() throws Exception {
		this.koyeb.enqueue(200, SERVICE_JSON);
		Service service = this.api.createService(defaults("app-1"), SECRET).block();
		assertThat(service).isEqualTo(SERVICE);
		RecordedRequest request = this.koyeb.take();
		assertRequest(request, "POST", "/v1/services", null);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(MockKoyeb.tree(MockKoyeb.body(request)))
			.isEqualTo(MockKoyeb.tree(SandboxServiceDefinitionsTests.expectedDefaultBody("app-1")));
	}

	@Test
	void createServiceKeepsErrorWithFieldsAsTheBody() {
		String error = """
				{"status": 400, "code": "invalid_argument", "message": "Validation error",
				 "fields": [{"field": "definition.name", "description": "must be a slug"}]}""";
		this.koyeb.enqueue(400, error);
		SandboxServiceException ex = catchThrowableOfType(SandboxServiceException.class,
				() -> this.api.createService(defaults("app-1"), SECRET).block());
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getResponseBody()).isEqualTo(error);
		assertThat(ex.getMessage()).contains("POST /v1/services", "HTTP 400", "definition.name");
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void createServiceWaitsOutRateLimitsBecauseA429WasNotProcessed() {
		this.koyeb.enqueue(MockKoyeb.response(429, "{\"message\": \"slow down\"}")
			.setHeader("Retry-After", "1")
			.build());
		this.koyeb.enqueue(200, SERVICE_JSON);
		long start = System.nanoTime();
		assertThat(this.api.createService(defaults("app-1"), SECRET).block()).isEqualTo(SERVICE);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(this.koyeb.requestCount()).isEqualTo(2);
	}

	@Test
	void getServiceReadsNumbersGivenAsStringsAndIgnoresUnknownFields() throws Exception {
		this.koyeb.enqueue(200, SERVICE_JSON);
		assertThat(this.api.getService("svc-1").block()).isEqualTo(SERVICE);
		assertRequest(this.koyeb.take(), "GET", "/v1/services/svc-1", null);
	}

	@Test
	void getServiceOfMissingServiceNamesTheSandbox() {
		this.koyeb.enqueue(404, "{\"status\": 404, \"code\": \"not_found\", \"message\": \"Service not found\"}");
		SandboxNotFoundException ex = catchThrowableOfType(SandboxNotFoundException.class,
				() -> this.api.getService("svc-404").block());
		assertThat(ex).hasMessageStartingWith("Sandbox svc-404 not found");
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void getServiceWithoutServiceInTheReplyFails() {
		this.koyeb.enqueue(200, "{}");
		SandboxServiceException ex = catchThrowableOfType(SandboxServiceException.class,
				() -> this.api.getService("svc-1").block());
		assertThat(ex.getMessage()).contains("GET /v1/services/{id}");
	}

	@Test
	void idsArePercentEncodedIntoOnePathSegment() throws Exception {
		this.koyeb.enqueue(200, SERVICE_JSON);
		this.api.getService("../apps/x?y=1#z é").block();
		RecordedRequest request = this.koyeb.take();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/services/..%2Fapps%2Fx%3Fy%3D1%23z%20%C3%A9");
		assertThat(request.getUrl().query()).isNull();
	}

	@Test
	void dotSegmentsAreRejectedAsIds() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> this.api.deleteApp(".."))
			.withMessage("Invalid id '..': must be a non-empty id, not a dot segment");
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> this.api.getService("."));
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> this.api.deleteService(""));
		assertThat(this.koyeb.requestCount()).isZero();
	}

	@Test
	void baseUrlMayHaveAPathPrefix() throws Exception {
		KoyebApi prefixed = new KoyebApi(TestExchanges.create(), this.koyeb.baseUrl().resolve("/koyeb/"),
				MockKoyeb.TOKEN, Duration.ofSeconds(5));
		this.koyeb.enqueue(200, SERVICE_JSON);
		prefixed.getService("svc-1").block();
		assertThat(this.koyeb.take().getUrl().encodedPath()).isEqualTo("/koyeb/v1/services/svc-1");
	}

	@Test
	void getDeploymentReadsMetadataAndDefinition() throws Exception {
		this.koyeb.enqueue(200, """
				{"deployment": {"id": "dep-1", "service_id": "svc-1", "app_id": "app-1", "status": "HEALTHY",
				  "messages": ["Instance is healthy"], "created_at": "2026-06-30T12:00:00Z",
				  "metadata": {"trigger": {"type": "RESUME"},
				    "sandbox": {"public_url": "https://sbx.koyeb.app", "routing_key": "rk-1"},
				    "proxy_ports": [{"host": "01.proxy.koyeb.app", "public_port": "21345", "port": 3031,
				      "protocol": "tcp"}]},
				  "definition": {"name": "my-sandbox", "type": "SANDBOX", "skip_cache": false,
				    "env": [{"scopes": ["region:na"], "key": "SANDBOX_SECRET", "value": "s3cr3t"}],
				    "ports": [{"port": "3030", "protocol": "http"}],
				    "scalings": [{"scopes": [], "min": "0", "max": 1,
				      "targets": [{"sleep_idle_delay": {"deep_sleep_value": "300"}}]}]}}}
				""");
		Deployment deployment = this.api.getDeployment("dep-1").block();
		assertThat(deployment).isEqualTo(new Deployment("dep-1", "svc-1", "HEALTHY", List.of("Instance is healthy"),
				new Deployment.Metadata(new Deployment.SandboxMetadata("https://sbx.koyeb.app", "rk-1"),
						List.of(new Deployment.ProxyPortMetadata("01.proxy.koyeb.app", 21345L, 3031L, "tcp"))),
				new DeploymentDefinition("my-sandbox", "SANDBOX", null,
						List.of(new DeploymentDefinition.Env("SANDBOX_SECRET", "s3cr3t", null)),
						List.of(new DeploymentDefinition.Port(3030L, "http")), null, null, null, null,
						List.of(new DeploymentDefinition.Scaling(0L, 1L,
								List.of(new DeploymentDefinition.ScalingTarget(
										new DeploymentDefinition.SleepIdleDelay(300L, null))))),
						null, null)));
		assertThat(deployment.toString()).doesNotContain("s3cr3t");
		assertRequest(this.koyeb.take(), "GET", "/v1/deployments/dep-1", null);
	}

	@Test
	void listServicesSendsTheFiltersAndReadsThePage() throws Exception {
		this.koyeb.enqueue(200, """
				{"services": [{"id": "svc-1", "name": "my sandbox", "type": "SANDBOX", "app_id": "app-1",
				  "status": "SLEEPING", "created_at": "2026-06-30T12:00:00Z", "version": "7",
				  "life_cycle": {"delete_after_create": "0"}}],
				 "limit": "20", "offset": "40", "count": "41", "has_next": false, "next": "ignored"}
				""");
		ServicePage page = this.api.listServices(new ServiceQuery("my sandbox&x=1", "app 1"), 20, 40).block();
		assertThat(page).isEqualTo(new ServicePage(List.of(new Service("svc-1", "my sandbox", "SANDBOX", "app-1",
				"SLEEPING", Instant.parse("2026-06-30T12:00:00Z"), null, null, null, new ServiceLifeCycle(0L, null))),
				20L, 40L, 41L, false));
		RecordedRequest request = this.koyeb.take();
		assertRequest(request, "GET", "/v1/services",
				"types=SANDBOX&limit=20&offset=40&name=my%20sandbox%26x%3D1&app_id=app%201");
		assertThat(request.getUrl().queryParameter("name")).isEqualTo("my sandbox&x=1");
		assertThat(request.getUrl().queryParameter("app_id")).isEqualTo("app 1");
		assertThat(request.getUrl().queryParameterNames()).containsExactlyInAnyOrder("types", "limit", "offset",
				"name", "app_id");
	}

	@Test
	void listServicesWithoutFiltersSendsOnlyTypeAndPaging() throws Exception {
		this.koyeb.enqueue(200, "{\"services\": [], \"limit\": 100, \"offset\": 0, \"count\": 0}");
		ServicePage page = this.api.listServices(ServiceQuery.ALL, 100, 0).block();
		assertThat(page.services()).isEmpty();
		assertThat(page.hasNext()).isNull();
		assertRequest(this.koyeb.take(), "GET", "/v1/services", "types=SANDBOX&limit=100&offset=0");
	}

	@Test
	void listServicesRejectsBadPaging() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.api.listServices(ServiceQuery.ALL, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.api.listServices(ServiceQuery.ALL, 10, -1));
	}

	@Test
	void listAllServicesFollowsPagesUntilTheLast() throws Exception {
		this.koyeb.enqueue(200, page(0, 100, true));
		this.koyeb.enqueue(200, page(100, 100, true));
		this.koyeb.enqueue(200, page(200, 5, false));
		List<Service> services = this.api.listAllServices(new ServiceQuery(null, "app-1")).collectList().block();
		assertThat(services).extracting(Service::id)
			.containsExactlyElementsOf(IntStream.range(0, 205).mapToObj((i) -> "svc-" + i).toList());
		List<String> offsets = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			RecordedRequest request = this.koyeb.take();
			assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
			assertThat(request.getUrl().queryParameter("types")).isEqualTo("SANDBOX");
			assertThat(request.getUrl().queryParameter("app_id")).isEqualTo("app-1");
			offsets.add(request.getUrl().queryParameter("offset"));
		}
		assertThat(offsets).containsExactly("0", "100", "200");
		assertThat(this.koyeb.requestCount()).isEqualTo(3);
	}

	@Test
	void listAllServicesStopsAtAShortPageEvenIfHasNextIsSet() {
		this.koyeb.enqueue(200, page(0, 3, true));
		assertThat(this.api.listAllServices(ServiceQuery.ALL).collectList().block()).hasSize(3);
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void listAllServicesFetchesPagesOnlyAsTheyAreConsumed() {
		this.koyeb.enqueue(200, page(0, 100, true));
		this.koyeb.enqueue(200, page(100, 100, true));
		assertThat(this.api.listAllServices(ServiceQuery.ALL).take(10).collectList().block()).hasSize(10);
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void updateLifecyclePatchesOnlyTheLifecycle() throws Exception {
		this.koyeb.enqueue(200, SERVICE_JSON);
		Service service = this.api.updateLifecycle("svc-1", new ServiceLifeCycle(7200L, 0L)).block();
		assertThat(service).isEqualTo(SERVICE);
		RecordedRequest request = this.koyeb.take();
		assertRequest(request, "PATCH", "/v1/services/svc-1", null);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(MockKoyeb.tree(MockKoyeb.body(request)))
			.isEqualTo(MockKoyeb.tree("{\"life_cycle\":{\"delete_after_create\":7200,\"delete_after_sleep\":0}}"));
	}

	@Test
	void updateLifecycleIsRetriedAfterServerErrorsBecauseItSetsAbsoluteValues() {
		this.koyeb.enqueue(502, "{}");
		this.koyeb.enqueue(200, SERVICE_JSON);
		assertThat(this.api.updateLifecycle("svc-1", new ServiceLifeCycle(7200L, 0L)).block()).isEqualTo(SERVICE);
		assertThat(this.koyeb.requestCount()).isEqualTo(2);
	}

	@Test
	void deleteServiceSendsDelete() throws Exception {
		this.koyeb.enqueue(200, "{}");
		this.api.deleteService("svc-1").block();
		assertRequest(this.koyeb.take(), "DELETE", "/v1/services/svc-1", null);
	}

	@Test
	void deleteServiceOfMissingServiceSucceeds() {
		this.koyeb.enqueue(404, "{\"status\": 404, \"code\": \"not_found\", \"message\": \"Service not found\"}");
		this.api.deleteService("svc-1").block();
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void deleteServiceFailsOnOtherErrors() {
		this.koyeb.enqueue(409, "{\"status\": 409, \"message\": \"Service is being deleted\"}");
		SandboxServiceException ex = catchThrowableOfType(SandboxServiceException.class,
				() -> this.api.deleteService("svc-1").block());
		assertThat(ex.getStatusCode()).isEqualTo(409);
	}

	@Test
	void rejectedTokenNamesTheBaseUrlButNotTheToken() {
		this.koyeb.enqueue(401, "{\"status\": 401, \"code\": \"unauthorized\", \"message\": \"Invalid token "
				+ MockKoyeb.TOKEN + "\"}");
		SandboxAuthenticationException ex = catchThrowableOfType(SandboxAuthenticationException.class,
				() -> this.api.getService("svc-1").block());
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.getMessage()).contains(this.koyeb.baseUrl().toString()).doesNotContain(MockKoyeb.TOKEN);
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void errorBodiesQuotingTheTokenAreRedacted() {
		this.koyeb.enqueue(500, "{\"message\": \"token " + MockKoyeb.TOKEN + " broke us\"}");
		SandboxServiceException ex = catchThrowableOfType(SandboxServiceException.class,
				() -> this.api.createApp(new CreateApp("app", null, null)).block());
		assertThat(ex.getMessage()).contains("******").doesNotContain(MockKoyeb.TOKEN);
		assertThat(ex.getResponseBody()).doesNotContain(MockKoyeb.TOKEN);
	}

	@Test
	void rateLimitedGetIsRetriedAfterRetryAfter() {
		this.koyeb.enqueue(MockKoyeb.response(429, "{}").setHeader("Retry-After", "1").build());
		this.koyeb.enqueue(200, SERVICE_JSON);
		long start = System.nanoTime();
		assertThat(this.api.getService("svc-1").block()).isEqualTo(SERVICE);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(this.koyeb.requestCount()).isEqualTo(2);
	}

	@Test
	void serverErrorsOnGetAreRetried() {
		this.koyeb.enqueue(503, "{\"status\": 503, \"message\": \"unavailable\"}");
		this.koyeb.enqueue(503, "{\"status\": 503, \"message\": \"unavailable\"}");
		this.koyeb.enqueue(200, SERVICE_JSON);
		assertThat(this.api.getService("svc-1").block()).isEqualTo(SERVICE);
		assertThat(this.koyeb.requestCount()).isEqualTo(3);
	}

	@Test
	void serverErrorOnCreateAppIsNotRetried() {
		String body = "{\"status\": 503, \"code\": \"unavailable\", \"message\": \"try later\"}";
		this.koyeb.enqueue(503, body);
		this.koyeb.enqueue(200, "{\"app\": {\"id\": \"app-1\"}}");
		SandboxServiceException ex = catchThrowableOfType(SandboxServiceException.class,
				() -> this.api.createApp(new CreateApp("app", new AppLifeCycle(true), null)).block());
		assertThat(ex.getStatusCode()).isEqualTo(503);
		assertThat(ex.getResponseBody()).isEqualTo(body);
		assertThat(ex.getMessage()).contains("POST /v1/apps", "HTTP 503");
		assertThat(this.koyeb.requestCount()).isOne();
	}

	@Test
	void responseThatNeverArrivesTimesOutWithinTheDeadline() {
		KoyebApi impatient = this.koyeb.api(Duration.ofMillis(300));
		this.koyeb.enqueue(MockKoyeb.response(200, SERVICE_JSON).onResponseStart(SocketEffect.Stall.INSTANCE).build());
		long start = System.nanoTime();
		SandboxTimeoutException ex = catchThrowableOfType(SandboxTimeoutException.class,
				() -> impatient.getService("svc-1").block());
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(ex.getOperation()).isEqualTo("GET /v1/services/{id}");
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void toStringShowsTheBaseUrlButNotTheToken() {
		assertThat(this.api.toString()).contains(this.koyeb.baseUrl().toString()).doesNotContain(MockKoyeb.TOKEN);
	}

	@Test
	void constructorRejectsUnusableArguments() {
		URI base = this.koyeb.baseUrl();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KoyebApi(TestExchanges.create(), base, " ", Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KoyebApi(TestExchanges.create(), base, MockKoyeb.TOKEN, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new KoyebApi(TestExchanges.create(),
				URI.create("ftp://example.com"), MockKoyeb.TOKEN, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KoyebApi(TestExchanges.create(), URI.create("https://user:pw@example.com"),
					MockKoyeb.TOKEN, Duration.ofSeconds(1)))
			.withMessageNotContaining("pw");
	}

	@Test
	void forbiddenIsAnAuthenticationFailureWithoutTheToken() {
		this.koyeb.enqueue(403, "{}");
		SandboxException ex = catchThrowableOfType(SandboxException.class, () -> this.api.getApp("app-1").block());
		assertThat(ex).isInstanceOf(SandboxAuthenticationException.class);
		assertThat(ex.getMessage()).doesNotContain(MockKoyeb.TOKEN);
	}

	private static void assertRequest(RecordedRequest request, String method, String path, String query) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getUrl().encodedPath()).isEqualTo(path);
		assertThat(request.getUrl().encodedQuery()).isEqualTo(query);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockKoyeb.TOKEN);
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
	}

	private static String page(int offset, int size, boolean hasNext) {
		String services = IntStream.range(offset, offset + size)
			.mapToObj((i) -> "{\"id\": \"svc-" + i + "\", \"type\": \"SANDBOX\"}")
			.collect(Collectors.joining(","));
		return "{\"services\": [" + services + "], \"limit\": \"100\", \"offset\": \"" + offset + "\", \"count\": \""
				+ (offset + size) + "\", \"has_next\": " + hasNext + "}";
	}

}

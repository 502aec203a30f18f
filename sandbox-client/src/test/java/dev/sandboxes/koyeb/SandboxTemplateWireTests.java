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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of {@link SandboxTemplate} flows against a scripted Koyeb: the exact
 * sequence of control-plane and executor requests, and cleanup on every failure path.
 */
class SandboxTemplateWireTests {

	private FakeKoyeb koyeb;

	private SandboxTemplate template;

	@BeforeEach
	void startKoyeb() throws Exception {
		this.koyeb = new FakeKoyeb();
		this.template = this.koyeb.templateBuilder().build();
	}

	@AfterEach
	void stopKoyeb() throws Exception {
		this.koyeb.close();
	}

	@Test
	void createValidatesThenCreatesAppAndServiceAndWaitsUntilTheExecutorAnswers() {
		this.koyeb.deploymentStatuses("PENDING", "PROVISIONING", "STARTING", "HEALTHY");
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("build-42").build());
		assertThat(sandbox.id()).isEqualTo(FakeKoyeb.SERVICE_ID);
		assertThat(sandbox.appId()).isEqualTo(FakeKoyeb.APP_ID);
		assertThat(sandbox.name()).isEqualTo("build-42");
		// The first poll starts from the service as its creation answered.
		assertThat(this.koyeb.requestLines()).containsExactly("POST /v1/services?dry_run=true", "POST /v1/apps",
				"POST /v1/services", "GET /v1/deployments/dep-1", "GET /v1/services/svc-1", "GET /v1/deployments/dep-1",
				"GET /v1/services/svc-1", "GET /v1/deployments/dep-1", "GET /v1/services/svc-1",
				"GET /v1/deployments/dep-1", "GET /koyeb-sandbox/health");
		JsonNode dryRun = FakeKoyeb.json(this.koyeb.request("POST /v1/services?dry_run=true"));
		assertThat(dryRun.path("app_id").asString()).isEqualTo("74140198-4d29-4a1e-bdc9-5cc2b355ccd0");
		JsonNode app = FakeKoyeb.json(this.koyeb.request("POST /v1/apps"));
		assertThat(app.path("name").asString()).matches("sandbox-app-build-42-\\d{10}-[a-z0-9]{6}");
		assertThat(app.path("life_cycle").path("delete_when_empty").asBoolean()).isTrue();
		JsonNode service = FakeKoyeb.json(this.koyeb.request("POST /v1/services"));
		assertThat(service.path("app_id").asString()).isEqualTo(FakeKoyeb.APP_ID);
		assertThat(service.path("definition")).isEqualTo(dryRun.path("definition"));
		assertThat(this.koyeb.sandboxSecret()).hasSize(43).matches("[A-Za-z0-9_-]+");
		for (RecordedRequest request : this.koyeb.requests()) {
			if (request.getUrl().encodedPath().startsWith("/v1/")) {
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeKoyeb.API_TOKEN);
			}
		}
		RecordedRequest health = this.koyeb.request("GET /koyeb-sandbox/health");
		assertThat(health.getHeaders().get("X-Routing-Key")).isEqualTo(FakeKoyeb.ROUTING_KEY);
		assertThat(health.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void execReachesTheExecutorWithTheSandboxSecretAndRoutingKey() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().name("build-42").build());
		ExecResult result = sandbox.exec(ExecSpec.of("echo hello").cwd("/tmp").env("GREETING", "hi"));
		assertThat(result.stdout()).isEqualTo("hello\n");
		assertThat(result.exitCode()).isZero();
		assertThat(result.duration()).isPositive();
		RecordedRequest run = this.koyeb.request("POST /koyeb-sandbox/run");
		assertThat(run.getHeaders().get("Authorization")).isEqualTo("Bearer " + this.koyeb.sandboxSecret());
		assertThat(run.getHeaders().get("X-Routing-Key")).isEqualTo(FakeKoyeb.ROUTING_KEY);
		assertThat(FakeKoyeb.json(run)).isEqualTo(FakeKoyeb.JSON
			.readTree("{\"cmd\":\"echo hello\",\"cwd\":\"/tmp\",\"env\":{\"GREETING\":\"hi\"}}"));
	}

	@Test
	void nonZeroExitIsAResultUnlessAskedToFail() {
		this.koyeb.override("POST /koyeb-sandbox/run", (request) -> FakeKoyeb.json(200,
				"{\"stdout\":\"out\\n\",\"stderr\":\"err\\n\",\"error\":\"Non-zero exit code\",\"code\":3}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		ExecResult result = sandbox.exec("exit 3");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.isSuccess()).isFalse();
		assertThat(result.output()).isEqualTo("out\nerr\n");
		assertThatExceptionOfType(SandboxCommandException.class)
			.isThrownBy(() -> sandbox.exec(ExecSpec.of("exit 3").failOnNonZeroExit()))
			.satisfies((ex) -> assertThat(ex.getResult().stderr()).isEqualTo("err\n"));
	}

	@Test
	void streamedExecHandsOverEachLineAndKeepsLineBreaks() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb.sse(
				"event: output\ndata: {\"data\":\"two\",\"stream\":\"stderr\"}\n\n"
						+ "event: output\ndata: {\"data\":\"one\",\"stream\":\"stdout\"}\n\n"
						+ ": keepalive\n\n"
						+ "event: output\ndata: {\"data\":\"partial\",\"stream\":\"stdout\"}\n\n"
						+ "event: complete\ndata: {\"code\":2,\"error\":true}\n\n"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		List<OutputLine> lines = new ArrayList<>();
		ExecResult result = sandbox.exec(ExecSpec.of("echo one; echo two 1>&2; printf partial; exit 2"), lines::add);
		assertThat(lines).containsExactly(new OutputLine(StreamType.STDERR, "two"),
				new OutputLine(StreamType.STDOUT, "one"), new OutputLine(StreamType.STDOUT, "partial"));
		assertThat(result.stdout()).isEqualTo("one\npartial\n");
		assertThat(result.stderr()).isEqualTo("two\n");
		assertThat(result.exitCode()).isEqualTo(2);
	}

	@Test
	void streamCutBeforeCompletionNeverReportsAnExitCode() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb
			.sse("event: output\ndata: {\"data\":\"one\",\"stream\":\"stdout\"}\n\n"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		assertThatExceptionOfType(SandboxConnectionException.class)
			.isThrownBy(() -> sandbox.exec(ExecSpec.of("long job"), (line) -> {
			}));
	}

	@Test
	void failedServiceCreationDeletesTheAppItCreated() {
		this.koyeb.override("POST /v1/services", (request) -> "true".equals(request.getUrl().queryParameter("dry_run"))
				? FakeKoyeb.json(200, "{\"service\":{}}")
				: FakeKoyeb.json(500, "{\"status\":500,\"code\":\"internal\",\"message\":\"boom\"}"));
		assertThatExceptionOfType(SandboxServiceException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().build()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(500));
		assertThat(this.koyeb.requestLines()).containsExactly("POST /v1/services?dry_run=true", "POST /v1/apps",
				"POST /v1/services", "DELETE /v1/apps/app-1");
	}

	@Test
	void failedDryRunCreatesNothing() {
		this.koyeb.override("POST /v1/services", (request) -> FakeKoyeb.json(400,
				"{\"status\":400,\"code\":\"invalid_argument\",\"message\":\"Validation error\","
						+ "\"fields\":[{\"field\":\"definition.regions\",\"description\":\"unknown region\"}]}"));
		assertThatExceptionOfType(SandboxServiceException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().region("zz").build()))
			.satisfies((ex) -> assertThat(ex.getResponseBody()).contains("unknown region"));
		assertThat(this.koyeb.requestLines()).containsExactly("POST /v1/services?dry_run=true");
	}

	@Test
	void terminalDeploymentStatusRaisesWithTheStatusAndDeletesTheSandbox() {
		this.koyeb.deploymentStatuses("PROVISIONING", "ERROR");
		assertThatExceptionOfType(SandboxDeploymentException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo("ERROR");
				assertThat(ex.getSandboxId()).isEqualTo(FakeKoyeb.SERVICE_ID);
				assertThat(ex.getMessage()).contains("Instance is error");
			});
		assertThat(this.koyeb.requestLines()).endsWith("DELETE /v1/apps/app-1");
	}

	@Test
	void readinessTimeoutDeletesTheHalfCreatedSandbox() {
		this.koyeb.deploymentStatuses("PROVISIONING");
		assertThatExceptionOfType(SandboxTimeoutException.class).isThrownBy(
				() -> this.template.create(SandboxSpec.builder().readyTimeout(Duration.ofMillis(700)).build()));
		assertThat(this.koyeb.requestLines()).endsWith("DELETE /v1/apps/app-1");
	}

	@Test
	void readinessTimeoutKeepsTheSandboxWhenAsked() {
		this.koyeb.deploymentStatuses("PROVISIONING");
		assertThatExceptionOfType(SandboxTimeoutException.class).isThrownBy(() -> this.template.create(
				SandboxSpec.builder().readyTimeout(Duration.ofMillis(500)).keepOnReadyFailure(true).build()));
		assertThat(this.koyeb.requestLines()).doesNotContain("DELETE /v1/apps/app-1", "DELETE /v1/services/svc-1");
	}

	@Test
	void sandboxInACallersAppDeletesOnlyItsService() {
		Sandbox sandbox = this.template.create(SandboxSpec.builder().appId("app-1").build());
		sandbox.delete();
		assertThat(this.koyeb.requestLines()).doesNotContain("POST /v1/apps", "DELETE /v1/apps/app-1")
			.contains("DELETE /v1/services/svc-1");
	}

	@Test
	void failedServiceCreationInACallersAppDeletesAServiceThatMayHaveBeenCreated() {
		this.koyeb.override("POST /v1/services", (request) -> "true".equals(request.getUrl().queryParameter("dry_run"))
				? FakeKoyeb.json(200, "{\"service\":{}}") : FakeKoyeb.json(503, "unavailable"));
		this.koyeb.override("GET /v1/services", (request) -> FakeKoyeb.json(200,
				"{\"services\":[{\"id\":\"svc-1\",\"name\":\"" + request.getUrl().queryParameter("name")
						+ "\",\"app_id\":\"app-1\"}],\"has_next\":false}"));
		assertThatExceptionOfType(SandboxServiceException.class)
			.isThrownBy(() -> this.template.create(SandboxSpec.builder().name("job-7").appId("app-1").build()));
		assertThat(this.koyeb.requestLines()).contains("DELETE /v1/services/svc-1")
			.doesNotContain("DELETE /v1/apps/app-1");
	}

	@Test
	void closingTheHandleDeletesTheAppCreatedForIt() {
		try (Sandbox sandbox = this.template.create(SandboxSpec.builder().build())) {
			assertThat(sandbox.isHealthy()).isTrue();
		}
		assertThat(this.koyeb.requestLines()).endsWith("DELETE /v1/apps/app-1");
	}

	@Test
	void executeDeletesTheSandboxWhenTheCallbackReturnsOrThrows() {
		String stdout = this.template.execute(SandboxSpec.builder().build(), (sandbox) -> sandbox.exec("echo").stdout());
		assertThat(stdout).isEqualTo("hello\n");
		assertThat(this.koyeb.requests("DELETE /v1/apps/app-1")).hasSize(1);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.template.execute(SandboxSpec.builder().build(), (sandbox) -> {
				throw new IllegalStateException("callback failed");
			}));
		assertThat(this.koyeb.requests("DELETE /v1/apps/app-1")).hasSize(2);
	}

	@Test
	void getReconnectsWithTheSecretHeldByTheDeployment() {
		Sandbox sandbox = this.template.get(FakeKoyeb.SERVICE_ID);
		sandbox.exec("echo hello");
		assertThat(this.koyeb.request("POST /koyeb-sandbox/run").getHeaders().get("Authorization"))
			.isEqualTo("Bearer recovered-secret-5b2d8e");
		sandbox.delete();
		assertThat(this.koyeb.requestLines()).endsWith("DELETE /v1/services/svc-1");
	}

	@Test
	void getOfAnUnknownIdRaisesNotFound() {
		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> this.template.get("nope"));
	}

	@Test
	void deleteByIdOfASandboxAlreadyGoneSucceeds() {
		this.template.delete("gone");
		assertThat(this.koyeb.requestLines()).containsExactly("DELETE /v1/services/gone");
	}

	@Test
	void updateLifecyclePatchesOnlyTheLifecycleKeepingUnchangedValues() {
		Sandbox sandbox = this.template.get(FakeKoyeb.SERVICE_ID);
		sandbox.updateLifecycle(SandboxLifecycle.deleteAfter(Duration.ofHours(2)));
		RecordedRequest patch = this.koyeb.request("PATCH /v1/services/svc-1");
		assertThat(FakeKoyeb.json(patch)).isEqualTo(FakeKoyeb.JSON
			.readTree("{\"life_cycle\":{\"delete_after_create\":7200,\"delete_after_sleep\":600}}"));
	}

	@Test
	void extendLifetimeAddsTheSandboxAgeToTheRequestedTime() throws Exception {
		Instant created = Instant.parse("2026-11-26T10:00:00Z");
		this.koyeb.createdAt(created);
		SandboxTemplate template = this.koyeb.templateBuilder()
			.clock(Clock.fixed(created.plus(Duration.ofMinutes(20)), ZoneOffset.UTC))
			.build();
		template.get(FakeKoyeb.SERVICE_ID).extendLifetime(Duration.ofMinutes(30));
		assertThat(FakeKoyeb.json(this.koyeb.request("PATCH /v1/services/svc-1"))).isEqualTo(FakeKoyeb.JSON
			.readTree("{\"life_cycle\":{\"delete_after_create\":3000,\"delete_after_sleep\":600}}"));
	}

	@Test
	void extendLifetimeBeyondTwentyFourHoursIsRejectedBeforePatching() {
		Instant created = Instant.parse("2026-11-26T10:00:00Z");
		this.koyeb.createdAt(created);
		SandboxTemplate template = this.koyeb.templateBuilder()
			.clock(Clock.fixed(created.plus(Duration.ofHours(23)), ZoneOffset.UTC))
			.build();
		Sandbox sandbox = template.get(FakeKoyeb.SERVICE_ID);
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> sandbox.extendLifetime(Duration.ofHours(2)));
		assertThat(this.koyeb.requestLines()).doesNotContain("PATCH /v1/services/svc-1");
	}

	@Test
	void exposeUnbindsThenBindsAndReturnsThePublicUrl() {
		this.koyeb.override("POST /koyeb-sandbox/bind_port", (request) -> FakeKoyeb.json(200,
				"{\"message\":\"Port binding configured\",\"port\":\"8080\",\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/unbind_port",
				(request) -> FakeKoyeb.json(200, "{\"message\":\"Port binding removed\",\"success\":true}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		ExposedPort port = sandbox.ports().expose(8080);
		assertThat(port.port()).isEqualTo(8080);
		assertThat(port.url()).isEqualTo(URI.create(this.koyeb.baseUrl() + "/r/rk-1/"));
		List<String> lines = this.koyeb.requestLines();
		assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("POST /koyeb-sandbox/unbind_port",
				"POST /koyeb-sandbox/bind_port");
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/bind_port")))
			.isEqualTo(FakeKoyeb.JSON.readTree("{\"port\":\"8080\"}"));
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> sandbox.ports().expose(70000))
			.withMessageContaining("between 1 and 65535");
	}

	@Test
	void tcpProxyEndpointComesFromTheDeploymentMetadata() {
		Sandbox sandbox = this.template.get(FakeKoyeb.SERVICE_ID);
		assertThat(sandbox.ports().tcpProxy()).contains(new TcpProxyEndpoint("01.proxy.koyeb.app", 20471));
	}

	@Test
	void withoutSandboxMetadataTheExecutorIsReachedThroughTheAppDomain() {
		this.koyeb.withoutSandboxMetadata();
		Sandbox sandbox = this.template.get(FakeKoyeb.SERVICE_ID);
		assertThat(this.koyeb.requestLines()).contains("GET /v1/apps/app-1");
		SandboxAddress address = ((DefaultReactiveSandbox) sandbox.reactive()).address().block();
		assertThat(address).isNotNull();
		assertThat(address.executor().baseUrl())
			.isEqualTo(URI.create("https://sandbox-app-x-org.koyeb.app/koyeb-sandbox"));
		assertThat(address.executor().routingKey()).isNull();
		assertThat(address.executor().secret()).isEqualTo(this.koyeb.sandboxSecret());
		assertThat(address.exposedPortUrl()).isEqualTo(URI.create("https://sandbox-app-x-org.koyeb.app/"));
		assertThat(sandbox.toString()).doesNotContain(this.koyeb.sandboxSecret());
	}

	@Test
	void binaryWriteSendsBase64AndDecodesItInsideTheSandbox() {
		this.koyeb.override("POST /koyeb-sandbox/make_dir", (request) -> FakeKoyeb.json(200, "{\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/write_file", (request) -> FakeKoyeb.json(200, "{\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/run",
				(request) -> FakeKoyeb.json(200, "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		byte[] content = { 0, 1, 2, (byte) 0xff, (byte) 0xfe, 'a', '\n' };
		sandbox.files().write("/data/it's here/blob.bin", content);
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/make_dir")).path("path").asString())
			.isEqualTo("/data/it's here");
		JsonNode part = FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/write_file"));
		assertThat(part.path("path").asString()).matches("/data/it's here/blob\\.bin\\.upload-[a-z0-9]{8}\\.part");
		assertThat(Base64.getDecoder().decode(part.path("content").asString())).isEqualTo(content);
		List<String> commands = commandsRun();
		assertThat(commands).hasSize(3);
		assertThat(commands.get(1)).startsWith("base64 -d '/data/it'\"'\"'s here/blob.bin.upload-");
		assertThat(commands.get(2)).startsWith("mv -f -- '/data/it'\"'\"'s here/blob.bin.upload-")
			.endsWith(" '/data/it'\"'\"'s here/blob.bin'");
	}

	@Test
	void binaryReadDecodesTheBase64OfTheFile() {
		byte[] content = new byte[1000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) i;
		}
		String encoded = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content);
		this.koyeb.override("POST /koyeb-sandbox/run", (request) -> FakeKoyeb.json(200,
				"{\"stdout\":\"" + encoded.replace("\n", "\\n") + "\\n\",\"stderr\":\"\",\"code\":0}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		assertThat(sandbox.files().readBytes("/data/blob.bin")).isEqualTo(content);
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/run")).path("cmd").asString())
			.isEqualTo("base64 '/data/blob.bin'");
	}

	@Test
	void downloadStreamsAndDecodesLineByLine() {
		byte[] content = new byte[200_000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 31);
		}
		StringBuilder events = new StringBuilder();
		for (String line : Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(content)
			.lines()
			.toList()) {
			events.append("event: output\ndata: {\"data\":\"").append(line).append("\",\"stream\":\"stdout\"}\n\n");
		}
		events.append("event: complete\ndata: {\"code\":0,\"error\":false}\n\n");
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb.sse(events.toString()));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		sandbox.files().download("/data/blob.bin", target);
		assertThat(target.toByteArray()).isEqualTo(content);
	}

	@Test
	void downloadOfAMissingFileRaisesFileNotFound() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> FakeKoyeb.sse(
				"event: output\ndata: {\"data\":\"base64: /nope: No such file or directory\",\"stream\":\"stderr\"}\n\n"
						+ "event: complete\ndata: {\"code\":1,\"error\":true}\n\n"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		assertThatExceptionOfType(SandboxFileNotFoundException.class)
			.isThrownBy(() -> sandbox.files().download("/nope", new ByteArrayOutputStream()))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/nope"));
	}

	@Test
	void textWriteCreatesMissingParentsAndRetries() {
		int[] writes = { 0 };
		this.koyeb.override("POST /koyeb-sandbox/write_file",
				(request) -> (writes[0]++ == 0) ? FakeKoyeb.json(200,
						"{\"error\":\"open /app/main.py: no such file or directory\",\"success\":false}")
						: FakeKoyeb.json(200, "{\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/make_dir", (request) -> FakeKoyeb.json(200, "{\"success\":true}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		sandbox.files().write("/app/main.py", "print(42)");
		assertThat(this.koyeb.requestLines()).containsSubsequence("POST /koyeb-sandbox/write_file",
				"POST /koyeb-sandbox/make_dir", "POST /koyeb-sandbox/write_file");
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/make_dir")).path("path").asString())
			.isEqualTo("/app");
	}

	@Test
	void existenceChecksRunQuotedTestCommands() {
		this.koyeb.override("POST /koyeb-sandbox/run", (request) -> FakeKoyeb.json(200,
				FakeKoyeb.json(request).path("cmd").asString().startsWith("test -d")
						? "{\"stdout\":\"\",\"stderr\":\"\",\"code\":1}" : "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		assertThat(sandbox.files().exists("/tmp/a b")).isTrue();
		assertThat(sandbox.files().isDirectory("/tmp/a b")).isFalse();
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/run")).path("cmd").asString())
			.isEqualTo("test -e '/tmp/a b'");
	}

	@Test
	void processesStartListKillAndFollowLogs() {
		this.koyeb.override("POST /koyeb-sandbox/start_process", (request) -> FakeKoyeb.json(201,
				"{\"id\":\"9f98fed0\",\"pid\":3955,\"status\":\"running\"}"));
		this.koyeb.override("GET /koyeb-sandbox/list_processes", (request) -> FakeKoyeb.json(200,
				"{\"processes\":[{\"command\":\"sleep 60\",\"id\":\"b6f2\",\"pid\":3958,\"status\":\"running\"},"
						+ "{\"command\":\"true\",\"id\":\"9f98fed0\",\"pid\":3955,\"status\":\"completed\"}]}"));
		this.koyeb.override("POST /koyeb-sandbox/kill_process", (request) -> FakeKoyeb.json(200,
				"{\"success\":true,\"message\":\"Process killed successfully\"}"));
		this.koyeb.override("GET /koyeb-sandbox/process_logs_streaming", (request) -> FakeKoyeb.sse(
				"event: log\ndata: {\"timestamp\":\"2026-11-26T09:58:39.030752222Z\",\"stream\":\"stdout\",\"data\":\"tick 1\"}\n\n"
						+ "event: log\ndata: {\"timestamp\":\"2026-11-26T09:58:39.03070424Z\",\"stream\":\"stderr\",\"data\":\"warn 1\"}\n\n"
						+ "event: complete\ndata: {\"message\": \"stream ended\"}\n\n"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		ProcessInfo started = sandbox.processes().start(ExecSpec.of("sleep 60").cwd("/tmp"));
		assertThat(started).isEqualTo(new ProcessInfo("9f98fed0", 3955, ProcessStatus.RUNNING, "sleep 60"));
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/start_process")))
			.isEqualTo(FakeKoyeb.JSON.readTree("{\"cmd\":\"sleep 60\",\"cwd\":\"/tmp\"}"));
		assertThat(sandbox.processes().list()).extracting(ProcessInfo::status)
			.containsExactly(ProcessStatus.RUNNING, ProcessStatus.COMPLETED);
		assertThat(sandbox.processes().killAll()).isEqualTo(1);
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/kill_process")))
			.isEqualTo(FakeKoyeb.JSON.readTree("{\"id\":\"b6f2\"}"));
		List<ProcessLogLine> lines = new ArrayList<>();
		sandbox.processes().logs("9f98fed0", Duration.ofSeconds(5), lines::add);
		assertThat(lines).extracting(ProcessLogLine::text).containsExactly("tick 1", "warn 1");
		assertThat(lines.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-26T09:58:39.030752222Z"));
		assertThat(this.koyeb.request("GET /koyeb-sandbox/process_logs_streaming?id=9f98fed0").getHeaders()
			.get("Authorization")).isEqualTo("Bearer " + this.koyeb.sandboxSecret());
	}

	@Test
	void moveQuotesBothPathsAndReportsAMissingSource() {
		this.koyeb.override("POST /koyeb-sandbox/run", (request) -> FakeKoyeb.json(200,
				"{\"stdout\":\"\",\"stderr\":\"mv: cannot stat '/a b': No such file or directory\\n\",\"code\":1}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		assertThatExceptionOfType(SandboxFileNotFoundException.class)
			.isThrownBy(() -> sandbox.files().move("/a b", "/c;d"))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/a b"));
		assertThat(FakeKoyeb.json(this.koyeb.request("POST /koyeb-sandbox/run")).path("cmd").asString())
			.isEqualTo("mv -f -- '/a b' '/c;d'");
	}

	@Test
	void largeUploadIsSentInChunksThatReassembleToTheOriginal() throws Exception {
		this.koyeb.override("POST /koyeb-sandbox/make_dir", (request) -> FakeKoyeb.json(200, "{\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/write_file", (request) -> FakeKoyeb.json(200, "{\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/run",
				(request) -> FakeKoyeb.json(200, "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}"));
		byte[] content = new byte[2 * 1024 * 1024 + 17];
		new Random(42).nextBytes(content);
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		sandbox.files().upload(new ByteArrayInputStream(content), "/data/big.bin");
		List<RecordedRequest> parts = this.koyeb.requests("POST /koyeb-sandbox/write_file");
		assertThat(parts).hasSize(3);
		ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
		for (RecordedRequest part : parts) {
			byte[] chunk = Base64.getDecoder().decode(FakeKoyeb.json(part).path("content").asString());
			assertThat(chunk.length).isLessThanOrEqualTo(DefaultReactiveSandboxFiles.UPLOAD_CHUNK_SIZE);
			reassembled.write(chunk);
		}
		assertThat(reassembled.toByteArray()).isEqualTo(content);
		List<String> commands = commandsRun();
		assertThat(commands).hasSize(5);
		assertThat(commands.get(0)).startsWith(": > '/data/big.bin.upload-");
		assertThat(commands.subList(1, 4)).allSatisfy((command) -> assertThat(command).startsWith("base64 -d "));
		assertThat(commands.get(4)).startsWith("mv -f -- ").endsWith(" '/data/big.bin'");
	}

	@Test
	void failedUploadRemovesItsTemporaryFilesAndLeavesTheTargetAlone() {
		this.koyeb.override("POST /koyeb-sandbox/make_dir", (request) -> FakeKoyeb.json(200, "{\"success\":true}"));
		this.koyeb.override("POST /koyeb-sandbox/write_file", (request) -> FakeKoyeb.json(200,
				"{\"error\":\"write /data/x: no space left on device\",\"success\":false}"));
		this.koyeb.override("POST /koyeb-sandbox/run",
				(request) -> FakeKoyeb.json(200, "{\"stdout\":\"\",\"stderr\":\"\",\"code\":0}"));
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		assertThatExceptionOfType(SandboxFileException.class)
			.isThrownBy(() -> sandbox.files().write("/data/x", new byte[] { 1, 2, 3 }))
			.withMessageContaining("no space left on device");
		List<String> commands = commandsRun();
		assertThat(commands.get(commands.size() - 1)).startsWith("rm -f -- '/data/x.upload-").endsWith(".part'");
		assertThat(commands).noneMatch((command) -> command.startsWith("mv "));
	}

	@Test
	void streamedExecStopsWaitingAtItsTimeout() {
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> new MockResponse.Builder()
			.code(200)
			.setHeader("Content-Type", "text/event-stream")
			.body("event: complete\ndata: {\"code\":0,\"error\":false}\n\n")
			.bodyDelay(5, TimeUnit.SECONDS)
			.build());
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		long start = System.nanoTime();
		assertThatExceptionOfType(SandboxTimeoutException.class)
			.isThrownBy(() -> sandbox.exec(ExecSpec.of("sleep 100").timeout(Duration.ofMillis(300)), (line) -> {
			}))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void streamedExecEndsAtItsDeadlineWhileOutputKeepsComing() {
		String line = "event: output\ndata: {\"data\":\"tick\",\"stream\":\"stdout\"}\n\n";
		this.koyeb.override("POST /koyeb-sandbox/run_streaming", (request) -> new MockResponse.Builder()
			.code(200)
			.setHeader("Content-Type", "text/event-stream")
			.body(line.repeat(100) + "event: complete\ndata: {\"code\":0,\"error\":false}\n\n")
			.throttleBody(line.length(), 50, TimeUnit.MILLISECONDS)
			.build());
		Sandbox sandbox = this.template.create(SandboxSpec.builder().build());
		List<OutputLine> lines = new CopyOnWriteArrayList<>();
		assertThatExceptionOfType(SandboxTimeoutException.class)
			.isThrownBy(() -> sandbox.exec(ExecSpec.of("while true; do echo tick; sleep 0.05; done")
				.timeout(Duration.ofMillis(500)), lines::add))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(500)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("POST /run_streaming").doesNotContain("echo tick"));
		assertThat(lines).isNotEmpty().hasSizeLessThan(100);
	}

	private List<String> commandsRun() {
		return this.koyeb.requests("POST /koyeb-sandbox/run")
			.stream()
			.map((request) -> FakeKoyeb.json(request).path("cmd").asString())
			.toList();
	}

}

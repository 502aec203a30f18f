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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.App;
import dev.sandboxes.koyeb.controlplane.AppLifeCycle;
import dev.sandboxes.koyeb.controlplane.CreateApp;
import dev.sandboxes.koyeb.controlplane.CreateService;
import dev.sandboxes.koyeb.controlplane.Deployment;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition;
import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.controlplane.SandboxServiceDefinitions;
import dev.sandboxes.koyeb.controlplane.Service;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.controlplane.ServicePage;
import dev.sandboxes.koyeb.controlplane.ServiceQuery;
import dev.sandboxes.koyeb.transport.HttpExchanges;
import dev.sandboxes.koyeb.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The control plane served over HTTP to the client library's {@link KoyebApi}.
 */
class KoyebApiCompatibilityTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final AtomicReference<String> publicUrl = new AtomicReference<>("");

	private final RecordingRuntime runtime = new RecordingRuntime();

	private final ControlPlane controlPlane = new ControlPlane(
			ControlPlaneSettings.defaults(this.publicUrl::get).withApiToken(TestApi.TOKEN), this.runtime);

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(this.controlPlane.routes())))
		.bindNow();

	private final KoyebApi api;

	KoyebApiCompatibilityTests() {
		this.publicUrl.set("http://127.0.0.1:" + this.server.port());
		this.api = new KoyebApi(new HttpExchanges(WebClient.builder().build(), RetryPolicy.NONE, 1024 * 1024),
				URI.create(this.publicUrl.get()), TestApi.TOKEN, TIMEOUT);
	}

	@AfterEach
	void close() {
		this.server.disposeNow();
		this.controlPlane.close();
	}

	@Test
	void clientCreatesReadsUpdatesListsAndDeletesASandbox() {
		SandboxSpec spec = SandboxSpec.builder().env("CI", "true").build();
		CreateService dryRun = SandboxServiceDefinitions.createService(spec, KoyebApi.DRY_RUN_APP_ID, "my-sandbox",
				"fra", "nano", new ServiceLifeCycle(3600L, 0L), TestApi.SECRET);
		this.api.validateService(dryRun, TestApi.SECRET).block(TIMEOUT);

		App app = this.api.createApp(new CreateApp("sandbox-app-my-sandbox-1767225600", new AppLifeCycle(true), null))
			.block(TIMEOUT);
		assertThat(app.status()).isEqualTo("HEALTHY");
		assertThat(app.domains()).extracting(App.Domain::name)
			.containsExactly("sandbox-app-my-sandbox-1767225600-emulator.koyeb.app");
		CreateService create = SandboxServiceDefinitions.createService(spec, app.id(), "my-sandbox", "fra", "nano",
				new ServiceLifeCycle(3600L, 0L), TestApi.SECRET);
		Service created = this.api.createService(create, TestApi.SECRET).block(TIMEOUT);
		assertThat(created.status()).isEqualTo("HEALTHY");
		assertThat(created.lifeCycle()).isEqualTo(new ServiceLifeCycle(3600L, 0L));

		Service service = this.api.getService(created.id()).block(TIMEOUT);
		Deployment deployment = this.api.getDeployment(service.currentDeploymentId()).block(TIMEOUT);
		assertThat(deployment.status()).isEqualTo("HEALTHY");
		assertThat(deployment.metadata().sandbox().publicUrl()).isEqualTo(this.publicUrl.get());
		assertThat(deployment.definition().env())
			.extracting(DeploymentDefinition.Env::key, DeploymentDefinition.Env::value)
			.contains(tuple("CI", "true"), tuple("SANDBOX_SECRET", TestApi.SECRET));
		assertThat(this.controlPlane.findByRoutingKey(deployment.metadata().sandbox().routingKey())).isPresent();

		Service updated = this.api.updateLifecycle(created.id(), new ServiceLifeCycle(7200L, 0L)).block(TIMEOUT);
		assertThat(updated.lifeCycle()).isEqualTo(new ServiceLifeCycle(7200L, 0L));
		assertThat(updated.latestDeploymentId()).isEqualTo(service.latestDeploymentId());

		ServicePage page = this.api.listServices(new ServiceQuery(null, app.id()), 100, 0).block(TIMEOUT);
		assertThat(page.services()).extracting(Service::id).containsExactly(created.id());
		assertThat(page.count()).isEqualTo(1);
		assertThat(page.hasNext()).isFalse();

		this.api.deleteService(created.id()).block(TIMEOUT);
		assertThat(this.api.getService(created.id()).block(TIMEOUT).status()).isEqualTo("DELETED");
		assertThat(this.api.getApp(app.id()).block(TIMEOUT).status()).isEqualTo("DELETED");
		this.api.deleteApp(app.id()).block(TIMEOUT);
		assertThat(this.runtime.only(created.id()).destroyed()).isTrue();
		assertThatExceptionOfType(SandboxNotFoundException.class)
			.isThrownBy(() -> this.api.getService("missing").block(TIMEOUT));
	}

}

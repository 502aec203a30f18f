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

import java.time.Duration;

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.emulator.executor.ExecutorTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LifecycleEnforcementTests {

	private static final SandboxSpec ALWAYS_ON = SandboxSpec.builder().idleTimeout(Duration.ZERO).build();

	private static final SandboxSpec SLEEPS_AFTER_300_S = SandboxSpec.builder()
		.idleTimeout(Duration.ofMinutes(5))
		.build();

	@RegisterExtension
	final ControlPlaneFixture fixture = new ControlPlaneFixture();

	@Test
	void deletesAfterCreation() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, ALWAYS_ON, new ServiceLifeCycle(120L, 0L));
		this.fixture.clock().advanceSeconds(119);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().status()).isEqualTo("HEALTHY");
		this.fixture.clock().advanceSeconds(1);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().status()).isEqualTo("DELETED");
		assertThat(this.fixture.runtime().only(serviceId).destroyed()).isTrue();
		assertThat(this.fixture.controlPlane().apps()).extracting(AppView::status).containsExactly("DELETED");
	}

	@Test
	void raisingDeleteAfterCreateExtendsTheLifetime() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, ALWAYS_ON, new ServiceLifeCycle(120L, 0L));
		this.fixture.clock().advanceSeconds(100);
		assertThat(this.fixture.api().patch("/v1/services/" + serviceId, "{\"life_cycle\": {\"delete_after_create\": 300}}")
			.status()).isEqualTo(200);
		this.fixture.clock().advanceSeconds(199);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().status()).isEqualTo("HEALTHY");
		this.fixture.clock().advanceSeconds(1);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().status()).isEqualTo("DELETED");
	}

	@Test
	void sleepsAfterItsIdleDelay() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, SLEEPS_AFTER_300_S, new ServiceLifeCycle(0L, 0L));
		this.fixture.clock().advanceSeconds(299);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("HEALTHY");
		this.fixture.clock().advanceSeconds(1);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("SLEEPING");
		assertThat(service().status()).isEqualTo("HEALTHY");
		assertThat(this.fixture.api().latestDeployment(serviceId).path("status").stringValue()).isEqualTo("SLEEPING");
		assertThat(this.fixture.api().get("/v1/services/" + serviceId).text("/service/status")).isEqualTo("HEALTHY");
		RecordingRuntime.RecordingSandbox sandbox = this.fixture.runtime().only(serviceId);
		assertThat(sandbox.resets()).isOne();
		assertThat(sandbox.destroyed()).isFalse();
		this.fixture.clock().advanceSeconds(3600);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(sandbox.resets()).isOne();
	}

	@Test
	void wakesOnExecutorTrafficAndRestartsItsIdleTime() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, SLEEPS_AFTER_300_S, new ServiceLifeCycle(0L, 0L));
		this.fixture.clock().advanceSeconds(300);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("SLEEPING");
		this.fixture.clock().advanceSeconds(1000);
		ExecutorTarget target = this.fixture.controlPlane().findByRoutingKey(service().routingKey()).orElseThrow();
		assertThat(target.enter()).isSameAs(this.fixture.runtime().only(serviceId));
		assertThat(service().deploymentStatus()).isEqualTo("HEALTHY");
		target.exit();
		this.fixture.clock().advanceSeconds(299);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("HEALTHY");
		this.fixture.clock().advanceSeconds(1);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("SLEEPING");
		assertThat(this.fixture.runtime().only(serviceId).resets()).isEqualTo(2);
	}

	@Test
	void requestInFlightKeepsTheSandboxAwake() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, SLEEPS_AFTER_300_S, new ServiceLifeCycle(0L, 0L));
		ExecutorTarget target = this.fixture.controlPlane().findByRoutingKey(service().routingKey()).orElseThrow();
		target.enter();
		this.fixture.clock().advanceSeconds(1000);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("HEALTHY");
		target.exit();
		this.fixture.clock().advanceSeconds(299);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("HEALTHY");
		assertThat(this.fixture.runtime().only(serviceId).resets()).isZero();
		this.fixture.clock().advanceSeconds(1);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("SLEEPING");
	}

	@Test
	void deletesAfterSleeping() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, SLEEPS_AFTER_300_S, new ServiceLifeCycle(0L, 600L));
		this.fixture.clock().advanceSeconds(300);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("SLEEPING");
		this.fixture.clock().advanceSeconds(599);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().status()).isEqualTo("HEALTHY");
		this.fixture.clock().advanceSeconds(1);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().status()).isEqualTo("DELETED");
		assertThat(this.fixture.runtime().only(serviceId).destroyed()).isTrue();
		assertThat(this.fixture.controlPlane().apps()).extracting(AppView::status).containsExactly("DELETED");
	}

	@Test
	void alwaysOnSandboxNeverSleeps() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, ALWAYS_ON, new ServiceLifeCycle(0L, 600L));
		this.fixture.clock().advanceSeconds(100_000);
		this.fixture.controlPlane().enforceLifecycle();
		assertThat(service().deploymentStatus()).isEqualTo("HEALTHY");
		assertThat(this.fixture.runtime().only(serviceId).resets()).isZero();
	}

	@Test
	void startedControlPlaneEnforcesOnItsOwnThread() {
		String appId = this.fixture.api().createApp("my-app", true);
		String serviceId = create(appId, ALWAYS_ON, new ServiceLifeCycle(60L, 0L));
		this.fixture.controlPlane().start();
		this.fixture.clock().advanceSeconds(60);
		await().atMost(Duration.ofSeconds(5)).until(() -> "DELETED".equals(service().status()));
		assertThat(this.fixture.runtime().only(serviceId).destroyedBy()).isEqualTo("koyeb-emulator-lifecycle");
	}

	@Test
	void closeStopsEnforcementAndDeletesEverything() {
		String keptApp = this.fixture.api().createApp("kept-app", false);
		String sandboxApp = this.fixture.api().createApp("sandbox-app", true);
		create(keptApp, ALWAYS_ON, new ServiceLifeCycle(0L, 0L));
		create(sandboxApp, SLEEPS_AFTER_300_S, new ServiceLifeCycle(0L, 0L));
		this.fixture.controlPlane().start();
		await().atMost(Duration.ofSeconds(5)).until(() -> lifecycleThreadAlive());
		this.fixture.controlPlane().close();
		assertThat(this.fixture.runtime().sandboxes()).hasSize(2).allMatch(RecordingRuntime.RecordingSandbox::destroyed);
		assertThat(this.fixture.controlPlane().services()).extracting(ServiceView::status)
			.containsExactly("DELETED", "DELETED");
		assertThat(this.fixture.controlPlane().apps()).extracting(AppView::status).containsExactly("DELETED", "DELETED");
		await().atMost(Duration.ofSeconds(5)).until(() -> !lifecycleThreadAlive());
	}

	private String create(String appId, SandboxSpec spec, ServiceLifeCycle lifeCycle) {
		return this.fixture.api().createSandbox(appId, "sandbox", spec, lifeCycle).path("id").stringValue();
	}

	private ServiceView service() {
		assertThat(this.fixture.controlPlane().services()).hasSize(1);
		return this.fixture.controlPlane().services().get(0);
	}

	private static boolean lifecycleThreadAlive() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((thread) -> thread.getName().equals("koyeb-emulator-lifecycle") && thread.isDaemon());
	}

}

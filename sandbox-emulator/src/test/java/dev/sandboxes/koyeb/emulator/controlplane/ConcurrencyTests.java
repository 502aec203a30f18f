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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.emulator.executor.ExecutorTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConcurrencyTests {

	private static final int SANDBOXES = 24;

	private final MutableClock clock = new MutableClock();

	private final RecordingRuntime runtime = new RecordingRuntime();

	private final ControlPlane controlPlane = new ControlPlane(
			TestApi.settings(this.clock).withLifecycleCheckInterval(Duration.ofMillis(5)), this.runtime);

	private final TestApi api = new TestApi(this.controlPlane);

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	@AfterEach
	void close() {
		this.executor.shutdownNow();
		this.controlPlane.close();
	}

	@Test
	void concurrentCreationsTrafficAndDeletionsLeaveNothingBehind() throws Exception {
		String appId = this.api.createApp("busy-app", false);
		this.controlPlane.start();
		SandboxSpec spec = SandboxSpec.builder().idleTimeout(Duration.ofMinutes(5)).build();
		List<Future<?>> work = IntStream.range(0, SANDBOXES).<Future<?>>mapToObj((i) -> this.executor.submit(() -> {
			String serviceId = this.api.createSandbox(appId, "sandbox-" + i, spec, new ServiceLifeCycle(0L, 0L))
				.path("id")
				.stringValue();
			this.clock.advanceSeconds(60);
			String routingKey = this.api.latestDeployment(serviceId).at("/metadata/sandbox/routing_key").stringValue();
			this.controlPlane.findByRoutingKey(routingKey).ifPresent((target) -> use(target));
			if (i % 2 == 0) {
				assertThat(this.api.delete("/v1/services/" + serviceId).status()).isEqualTo(200);
			}
		})).toList();
		for (Future<?> future : work) {
			future.get();
		}
		assertThat(this.runtime.sandboxes()).hasSize(SANDBOXES);
		assertThat(this.api.get("/v1/services?limit=100").json().path("count").longValue()).isEqualTo(SANDBOXES / 2);
		this.clock.advanceSeconds(3600);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.controlPlane.services()
				.stream()
				.allMatch((service) -> service.status().equals("DELETED")
						|| service.deploymentStatus().equals("SLEEPING")));
		this.controlPlane.close();
		assertThat(this.runtime.sandboxes()).allMatch(RecordingRuntime.RecordingSandbox::destroyed);
		assertThat(this.controlPlane.services()).hasSize(SANDBOXES)
			.allMatch((service) -> service.status().equals("DELETED"));
	}

	private static void use(ExecutorTarget target) {
		target.enter();
		target.exit();
	}

}

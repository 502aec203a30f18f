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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExecutorTargetsTests {

	@RegisterExtension
	final ControlPlaneFixture fixture = new ControlPlaneFixture();

	@Test
	void findsTheSandboxOfARoutingKey() {
		String serviceId = create();
		String routingKey = this.fixture.controlPlane().services().get(0).routingKey();
		ExecutorTarget target = this.fixture.controlPlane().findByRoutingKey(routingKey).orElseThrow();
		assertThat(target.enter()).isSameAs(this.fixture.runtime().only(serviceId));
		target.exit();
		assertThat(this.fixture.controlPlane().findByRoutingKey("0123456789abcdef0123456789abcdef")).isEmpty();
	}

	@Test
	void acceptsOnlyTheSandboxSecret() {
		create();
		String routingKey = this.fixture.controlPlane().services().get(0).routingKey();
		ExecutorTarget target = this.fixture.controlPlane().findByRoutingKey(routingKey)
			.orElseThrow();
		assertThat(target.acceptsSecret(TestApi.SECRET)).isTrue();
		assertThat(target.acceptsSecret(TestApi.SECRET + "x")).isFalse();
		assertThat(target.acceptsSecret("")).isFalse();
		assertThat(target.acceptsSecret(TestApi.TOKEN)).isFalse();
	}

	@Test
	void deletedSandboxIsNoLongerATarget() {
		String serviceId = create();
		String routingKey = this.fixture.controlPlane().services().get(0).routingKey();
		ExecutorTarget target = this.fixture.controlPlane().findByRoutingKey(routingKey).orElseThrow();
		assertThat(this.fixture.api().delete("/v1/services/" + serviceId).status()).isEqualTo(200);
		assertThat(this.fixture.controlPlane().findByRoutingKey(routingKey)).isEmpty();
		assertThatIllegalStateException().isThrownBy(target::enter)
			.withMessage("Sandbox " + serviceId + " is no longer running");
	}

	private String create() {
		String appId = this.fixture.api().createApp("my-app", true);
		return this.fixture.api()
			.createSandbox(appId, "target", SandboxSpec.builder().idleTimeout(Duration.ZERO).build(),
					new ServiceLifeCycle(0L, 0L))
			.path("id")
			.stringValue();
	}

}

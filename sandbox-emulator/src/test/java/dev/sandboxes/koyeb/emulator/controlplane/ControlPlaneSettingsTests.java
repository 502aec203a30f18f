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

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ControlPlaneSettingsTests {

	@Test
	void defaults() {
		ControlPlaneSettings settings = ControlPlaneSettings.defaults(() -> "http://127.0.0.1:1234");
		assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
		assertThat(settings.publicUrl().get()).isEqualTo("http://127.0.0.1:1234");
		assertThat(settings.deploymentStepDelay()).isZero();
		assertThat(settings.apiToken()).isNull();
		assertThat(settings.lifecycleCheckInterval()).isEqualTo(Duration.ofMillis(100));
		assertThat(settings.organizationId()).isEqualTo("emulator");
	}

	@Test
	void withersReplaceOneSetting() {
		MutableClock clock = new MutableClock();
		ControlPlaneSettings settings = ControlPlaneSettings.defaults(() -> "http://localhost:1")
			.withClock(clock)
			.withDeploymentStepDelay(Duration.ofSeconds(2))
			.withApiToken("token")
			.withLifecycleCheckInterval(Duration.ofSeconds(1))
			.withOrganizationId("acme");
		assertThat(settings.clock()).isSameAs(clock);
		assertThat(settings.deploymentStepDelay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.apiToken()).isEqualTo("token");
		assertThat(settings.lifecycleCheckInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.organizationId()).isEqualTo("acme");
	}

	@Test
	void toStringRedactsTheApiToken() {
		ControlPlaneSettings settings = ControlPlaneSettings.defaults(() -> "http://localhost:1")
			.withApiToken("super-secret-token");
		assertThat(settings.toString()).doesNotContain("super-secret-token").contains("apiToken=<redacted>");
		assertThat(settings.withApiToken(null).toString()).contains("apiToken=<any>");
	}

	@Test
	void refusesInvalidSettings() {
		ControlPlaneSettings settings = ControlPlaneSettings.defaults(() -> "http://localhost:1");
		assertThatIllegalArgumentException().isThrownBy(() -> settings.withDeploymentStepDelay(Duration.ofSeconds(-1)))
			.withMessage("deploymentStepDelay must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> settings.withLifecycleCheckInterval(Duration.ZERO))
			.withMessage("lifecycleCheckInterval must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> settings.withApiToken(" "))
			.withMessage("apiToken must be null or not blank");
		assertThatIllegalArgumentException().isThrownBy(() -> settings.withOrganizationId(""))
			.withMessage("organizationId must not be empty");
	}

}

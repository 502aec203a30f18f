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
package dev.sandboxes.koyeb.boot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link SandboxEmulatorAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxEmulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SandboxEmulatorAutoConfiguration.class, SandboxAutoConfiguration.class))
		.withPropertyValues("koyeb.sandbox.emulator.runtime=plain");

	@Test
	void noTokenStartsAnEmbeddedEmulatorThatTheTemplateUses(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			KoyebEmulator emulator = context.getBean(KoyebEmulator.class);
			SandboxConnectionDetails details = context.getBean(SandboxConnectionDetails.class);
			assertThat(details.isEmulator()).isTrue();
			assertThat(details.getBaseUrl()).isEqualTo(URI.create(emulator.baseUrl()));
			assertThat(details.getBaseUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(details.getApiToken()).hasSize(43);
			assertThat(output).contains("Koyeb Sandbox runs on an embedded emulator at " + emulator.baseUrl())
				.doesNotContain(details.getApiToken());
			SandboxTemplate template = context.getBean(SandboxTemplate.class);
			try (Sandbox sandbox = template.create(SandboxSpec.builder().build())) {
				ExecResult result = sandbox.exec("echo hello from the emulator");
				assertThat(result.stdout()).isEqualTo("hello from the emulator\n");
			}
		});
	}

	@Test
	void embeddedEmulatorRefusesAnyOtherToken() {
		this.contextRunner.run((context) -> {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(context.getBean(KoyebEmulator.class).baseUrl() + "/v1/apps"))
					.header("Authorization", "Bearer guessed-token")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
		});
	}

	@Test
	void closingTheContextStopsTheEmulator() {
		String[] baseUrl = new String[1];
		this.contextRunner.run((context) -> {
			baseUrl[0] = context.getBean(KoyebEmulator.class).baseUrl();
			context.getBean(SandboxTemplate.class).create(SandboxSpec.builder().build());
			assertThat(context.getBean(KoyebEmulator.class).services()).hasSize(1);
		});
		assertThatException().isThrownBy(() -> HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.build()
			.send(HttpRequest.newBuilder(URI.create(baseUrl[0] + "/v1/apps")).build(),
					HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void timeScaleMakesTheTemplateMeasureAgesInEmulatedTime() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.emulator.time-scale=60").run((context) -> {
			SandboxConnectionDetails details = context.getBean(SandboxConnectionDetails.class);
			assertThat(details.getClock()).isSameAs(context.getBean(KoyebEmulator.class).clock());
			assertThat(context.getBean(SandboxInventory.class).clock()).isSameAs(details.getClock());
		});
	}

	@Test
	void apiTokenPropertyMeansKoyebAndNoEmulator() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.api-token=real-token").run((context) -> {
			assertThat(context).doesNotHaveBean(KoyebEmulator.class);
			assertThat(context.getBean(SandboxConnectionDetails.class).isEmulator()).isFalse();
		});
	}

	@Test
	void apiTokenVariableMeansKoyebAndNoEmulator() {
		this.contextRunner.withSystemProperties("KOYEB_API_TOKEN=real-token")
			.run((context) -> assertThat(context).doesNotHaveBean(KoyebEmulator.class)
				.hasSingleBean(SandboxTemplate.class));
	}

	@Test
	void unresolvedTokenPlaceholderCountsAsNoToken() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.api-token=${KOYEB_API_TOKEN}")
			.run((context) -> assertThat(context).hasSingleBean(KoyebEmulator.class));
	}

	@Test
	void baseUrlWithoutTokenMeansNoEmulatorAndAFailureNamingIt() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.base-url=http://localhost:8090")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(SandboxEndpointNotConfiguredException.class)
				.hasMessageContaining("for the base URL http://localhost:8090"));
	}

	@Test
	void userEmulatorMeansNoEmbeddedOne() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.api-token=user-token")
			.withBean("userEmulator", KoyebEmulator.class,
					() -> KoyebEmulator.builder().runtime(RuntimeMode.PLAIN).apiToken("user-token").start())
			.run((context) -> assertThat(context).hasSingleBean(KoyebEmulator.class)
				.doesNotHaveBean("koyebSandboxEmulator"));
	}

	@Test
	void emulatorCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("koyeb.sandbox.emulator.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(SandboxEndpointNotConfiguredException.class));
	}

	@Test
	void userConnectionDetailsMeanNoEmulator() {
		this.contextRunner
			.withBean(SandboxConnectionDetails.class,
					() -> new FixedConnectionDetails("http://sandboxes.internal:8090", "token"))
			.run((context) -> assertThat(context).doesNotHaveBean(KoyebEmulator.class));
	}

	@Test
	void withoutTheEmulatorLibraryThereIsNoEmulator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(KoyebEmulator.class))
			.withPropertyValues("koyeb.sandbox.api-token=real-token")
			.run((context) -> assertThat(context).doesNotHaveBean("koyebSandboxEmulator")
				.hasSingleBean(SandboxTemplate.class));
	}

}

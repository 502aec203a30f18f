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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link SandboxEndpointFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxEndpointFailureAnalyzerTests {

	@Test
	void withTheEmulatorTurnedOffTheAnalysisSaysHowToTurnItBackOn() {
		FailureAnalysis analysis = new SandboxEndpointFailureAnalyzer()
			.analyze(new SandboxEndpointNotConfiguredException(null));
		assertThat(analysis.getDescription()).isEqualTo("Sandboxes have nowhere to run: no Koyeb API token is set "
				+ "(koyeb.sandbox.api-token or the KOYEB_API_TOKEN environment variable), and the embedded emulator "
				+ "is turned off (koyeb.sandbox.emulator.enabled=false) or its auto-configuration is excluded.");
		assertThat(analysis.getAction()).isEqualTo("To run sandboxes on Koyeb, set koyeb.sandbox.api-token or the "
				+ "KOYEB_API_TOKEN environment variable to a Koyeb API token. To run them locally without an account, "
				+ "remove koyeb.sandbox.emulator.enabled=false or the exclusion of SandboxEmulatorAutoConfiguration.");
	}

	@Test
	void withABaseUrlButNoTokenTheAnalysisAsksForTheToken() {
		FailureAnalysis analysis = new SandboxEndpointFailureAnalyzer()
			.analyze(new SandboxEndpointNotConfiguredException(URI.create("http://localhost:8090")));
		assertThat(analysis.getDescription()).isEqualTo("koyeb.sandbox.base-url is set to http://localhost:8090 but "
				+ "no API token is set (koyeb.sandbox.api-token or the KOYEB_API_TOKEN environment variable).");
		assertThat(analysis.getAction()).contains("for an emulator, to the token it was started with")
			.contains("remove koyeb.sandbox.base-url");
	}

	@Test
	void applicationWithABaseUrlButNoTokenFailsToStartWithTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(NoEndpointApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--koyeb.sandbox.base-url=http://localhost:8090",
				"--spring.main.banner-mode=off"));
		assertThat(output).contains("koyeb.sandbox.base-url is set to http://localhost:8090 but no API token is set");
	}

	@Test
	void applicationWithoutAnEndpointFailsToStartWithTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(NoEndpointApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--koyeb.sandbox.emulator.enabled=false", "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Sandboxes have nowhere to run: no Koyeb API token is set")
			.contains("To run sandboxes on Koyeb, set koyeb.sandbox.api-token");
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ SandboxEmulatorAutoConfiguration.class, SandboxAutoConfiguration.class })
	static class NoEndpointApplication {

	}

}

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
package dev.sandboxes.koyeb.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.SandboxDeploymentException;
import dev.sandboxes.koyeb.SandboxSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The end-to-end suite on sandboxes isolated by bubblewrap, whose view of the host is read-only
 * outside their own storage.
 */
class BubblewrapSandboxTemplateEmulatorTests extends SandboxTemplateEmulatorTests {

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator.withDefaults();

	@Override
	IsolatedEmulator emulator() {
		return emulator;
	}

	@Test
	void configFileOutsideTheSandboxStorageFailsTheDeployment() {
		assertThatExceptionOfType(SandboxDeploymentException.class)
			.isThrownBy(() -> emulator.template()
				.create(SandboxSpec.builder().name("config-outside").configFile("/etc/app.conf", "x").build()))
			.withMessageContaining("/etc/app.conf");
		assertThat(emulator.get().services()).filteredOn((service) -> service.name().equals("config-outside"))
			.allSatisfy((service) -> assertThat(service.status()).isIn("DELETING", "DELETED"));
	}

}

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
package com.example.outofthebox;

import com.example.outofthebox.OutOfTheBoxApplication.CodeRunner;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the path a new user takes: the starter and the emulator on the classpath, no
 * property set, {@link SandboxTemplate} injected and working.
 */
@SpringBootTest
class OutOfTheBoxApplicationTests {

	@Autowired
	private CodeRunner codeRunner;

	@Autowired
	private SandboxTemplate sandboxTemplate;

	@Autowired
	private KoyebEmulator emulator;

	@Test
	void injectedTemplateRunsCodeInASandboxThatIsDeletedAfterwards() {
		assertThat(this.codeRunner.runShell("echo one; echo two >&2; echo three")).isEqualTo("one\nthree\n");
		assertThat(this.emulator.services()).allSatisfy(
				(service) -> assertThat(service.status()).isIn("DELETING", "DELETED"));
	}

	@Test
	void sandboxesCarryTheDefaultLifecycleAndOwner() {
		try (Sandbox sandbox = this.sandboxTemplate.create(SandboxSpec.builder().build())) {
			assertThat(sandbox.name()).startsWith("application--");
			assertThat(sandbox.info().lifecycle().deleteAfter()).hasHours(1);
		}
	}

	@Test
	void embeddedEmulatorIsolatesSandboxesWhereTheBuildRequiresIt() {
		if (Boolean.getBoolean("koyeb.emulator.require-bubblewrap")) {
			assertThat(this.emulator.isolated()).isTrue();
			assertThat(this.emulator.runtimeName()).endsWith("bubblewrap");
		}
		assertThat(this.emulator.baseUrl()).startsWith("http://127.0.0.1:");
	}

}

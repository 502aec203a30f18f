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

import dev.sandboxes.koyeb.SandboxSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end suite on sandboxes that are Docker containers of their image (a small Debian with
 * python3, built locally by {@code src/test/docker/build-test-images.sh}).
 */
class DockerSandboxTemplateEmulatorTests extends SandboxTemplateEmulatorTests {

	@RegisterExtension
	static final IsolatedEmulator emulator = IsolatedEmulator.onDocker("koyeb-emulator-test/python");

	@Override
	IsolatedEmulator emulator() {
		return emulator;
	}

	@Test
	void sandboxRunsTheImageItAsksFor() {
		emulator.template().execute(SandboxSpec.ofImage("koyeb-emulator-test/busybox"), (sandbox) -> {
			assertThat(sandbox.exec("readlink /bin/sh").stdout()).isEqualTo("busybox\n");
			return null;
		});
		emulator.template().execute(SandboxSpec.builder().build(), (sandbox) -> {
			assertThat(sandbox.exec("cat /etc/debian_version").exitCode()).isZero();
			return null;
		});
	}

	@Test
	void configFileAnywhereInTheContainerIsWritten() {
		emulator.template()
			.execute(SandboxSpec.builder().name("config-etc").configFile("/etc/app.conf", "key=value\n").build(),
					(sandbox) -> {
						assertThat(sandbox.exec("cat /etc/app.conf").stdout()).isEqualTo("key=value\n");
						return null;
					});
	}

}

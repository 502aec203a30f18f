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

package dev.sandboxes.koyeb.emulator.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SandboxRuntimes}.
 */
@Timeout(60)
class SandboxRuntimesTests {

	@TempDir
	Path directory;

	@Test
	void plainRuntimeIsNotIsolated() {
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.PLAIN, this.directory.resolve("a/b"), true)) {
			assertThat(runtime.name()).isEqualTo("plain");
			assertThat(runtime.isolated()).isFalse();
		}
		assertThat(this.directory.resolve("a/b")).isEmptyDirectory();
	}

	@Test
	void bubblewrapRuntimeIsIsolated() {
		Bubblewrap.assumeAvailable();
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.BUBBLEWRAP, this.directory, false)) {
			assertThat(runtime.name()).isEqualTo("bubblewrap");
			assertThat(runtime.isolated()).isTrue();
		}
		assertThat(this.directory).isEmptyDirectory();
	}

	@Test
	void autoRuntimeIsBubblewrapWhereItWorks() {
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.AUTO, this.directory, true)) {
			assertThat(runtime.isolated()).isEqualTo(SandboxRuntimes.bubblewrapAvailable());
			assertThat(runtime.name()).endsWith(SandboxRuntimes.bubblewrapAvailable() ? "bubblewrap" : "plain");
		}
	}

	@Test
	void dockerRuntimeRunsEachSandboxAsAContainerOfItsImage() {
		Docker.assumeAvailable();
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.DOCKER, this.directory, true)) {
			assertThat(runtime.name()).isEqualTo("docker");
			assertThat(runtime.isolated()).isTrue();
			RuntimeSandbox sandbox = runtime.provision(definition(Docker.BUSYBOX));
			assertThat(output(sandbox, "readlink /bin/sh")).isEqualTo("busybox\n");
		}
	}

	@Test
	void autoRuntimeRunsContainersOfImagesDockerHasAndProcessesOtherwise() {
		Docker.assumeAvailable();
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.AUTO, this.directory, true)) {
			assertThat(runtime.name()).startsWith("docker+");
			RuntimeSandbox container = runtime.provision(definition(Docker.BUSYBOX));
			assertThat(output(container, "readlink /bin/sh")).isEqualTo("busybox\n");
			RuntimeSandbox processes = runtime.provision(definition("koyeb-emulator-test/no-such-image:1"));
			assertThat(output(processes, "echo $KOYEB_TEST")).isEqualTo("auto\n");
			assertThat(processes).isNotInstanceOf(DockerSandbox.class);
			assertThat(container).isInstanceOf(DockerSandbox.class);
		}
	}

	private static SandboxDefinition definition(String image) {
		return new SandboxDefinition("sb-" + UUID.randomUUID(), image, "nano", Map.of("KOYEB_TEST", "auto"));
	}

	private static String output(RuntimeSandbox sandbox, String command) {
		CommandExecution execution = sandbox.launch(new CommandRequest(command, null, Map.of()));
		try {
			String stdout = new String(execution.stdout().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(execution.exitCode().get(30, TimeUnit.SECONDS)).isZero();
			return stdout;
		}
		catch (IOException | InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void bubblewrapRuntimeFailsWhereBubblewrapDoesNotWork() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SandboxRuntimes.create(RuntimeMode.BUBBLEWRAP, this.directory, true, "/no/such/bwrap"))
			.withMessageStartingWith("Runtime mode BUBBLEWRAP was chosen but bubblewrap does not work on this machine: "
					+ "the emulator ran `true` with `/no/such/bwrap --die-with-parent")
			.withMessageContaining("which could not start: java.io.IOException: bwrap exited with code 127: ")
			.withMessageContaining("/no/such/bwrap: not found")
			.withMessageContaining("apt-get install bubblewrap");
		assertThat(this.directory).isEmptyDirectory();
	}

	@Test
	void autoRuntimeFallsBackToPlainProcessesWhereBubblewrapDoesNotWork() {
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.AUTO, this.directory, true,
				"/no/such/bwrap")) {
			assertThat(runtime.name()).endsWith("plain");
			assertThat(runtime.isolated()).isFalse();
		}
	}

}

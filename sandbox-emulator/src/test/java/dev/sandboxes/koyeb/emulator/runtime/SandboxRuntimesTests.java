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

import java.nio.file.Path;

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
			assertThat(runtime.name()).isEqualTo(SandboxRuntimes.bubblewrapAvailable() ? "bubblewrap" : "plain");
		}
	}

	@Test
	void bubblewrapRuntimeFailsWhereBubblewrapDoesNotWork() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SandboxRuntimes.create(RuntimeMode.BUBBLEWRAP, this.directory, true, "/no/such/bwrap"))
			.withMessageStartingWith("Runtime mode BUBBLEWRAP was chosen but bubblewrap does not work on this machine: "
					+ "the emulator ran `true` with `/no/such/bwrap --die-with-parent")
			.withMessageContaining("which could not start: java.io.IOException: Cannot run program \"/no/such/bwrap\"")
			.withMessageContaining("apt-get install bubblewrap");
		assertThat(this.directory).isEmptyDirectory();
	}

	@Test
	void autoRuntimeFallsBackToPlainProcessesWhereBubblewrapDoesNotWork() {
		try (SandboxRuntime runtime = SandboxRuntimes.create(RuntimeMode.AUTO, this.directory, true,
				"/no/such/bwrap")) {
			assertThat(runtime.name()).isEqualTo("plain");
			assertThat(runtime.isolated()).isFalse();
		}
	}

}

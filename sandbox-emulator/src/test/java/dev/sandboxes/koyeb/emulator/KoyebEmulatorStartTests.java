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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Start of a {@link KoyebEmulator}, whose server starts while its sandbox runtime is being
 * created: a start that fails leaves nothing behind.
 */
class KoyebEmulatorStartTests {

	@Test
	void portInUseIsRefusedAndTheDataDirectoryReleasedForTheNextEmulator(@TempDir Path data) {
		try (KoyebEmulator first = KoyebEmulator.builder().start()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> KoyebEmulator.builder().port(first.port()).dataDirectory(data).start())
				.withMessage("Could not listen on 127.0.0.1:" + first.port());
			assertThat(data.resolve("emulator.pid")).doesNotExist();
		}
		try (KoyebEmulator next = KoyebEmulator.builder().dataDirectory(data).start()) {
			assertThat(next.baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(data.resolve("emulator.pid")).exists();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void runtimeThatCannotBeCreatedFailsTheStartAsItDidAndReleasesTheDataDirectory(boolean network,
			@TempDir Path data) throws IOException {
		// A file where the sandboxes' storage should go: no runtime can be created, on any host.
		Files.writeString(data.resolve("sandboxes"), "not a directory");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> KoyebEmulator.builder()
				.runtime(RuntimeMode.PLAIN)
				.network(network)
				.dataDirectory(data)
				.start())
			.withMessageStartingWith("Cannot prepare the sandboxes' base directory");
		assertThat(data.resolve("emulator.pid")).doesNotExist();
	}

}

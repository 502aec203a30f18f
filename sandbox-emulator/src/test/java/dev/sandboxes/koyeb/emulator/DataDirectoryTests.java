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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The emulator's data directory is claimed by one running emulator, and what a killed emulator
 * left is removed by the next one.
 */
class DataDirectoryTests {

	@Test
	void configuredDirectoryInUseByAnotherRunningEmulatorIsRefused(@TempDir Path data) throws Exception {
		Process other = new ProcessBuilder("sleep", "30").start();
		try {
			Files.writeString(data.resolve("emulator.pid"), Long.toString(other.pid()));
			assertThatIllegalStateException().isThrownBy(() -> DataDirectory.of(data))
				.withMessage("The data directory " + data + " is in use by the emulator running as process "
						+ other.pid());
		}
		finally {
			other.destroyForcibly().waitFor();
		}
	}

	@Test
	void configuredDirectoryLeftByAStoppedEmulatorIsClaimedAndReleased(@TempDir Path data) throws Exception {
		Files.writeString(data.resolve("emulator.pid"), Long.toString(deadPid()));
		DataDirectory directory = DataDirectory.of(data);
		assertThat(data.resolve("emulator.pid")).hasContent(Long.toString(ProcessHandle.current().pid()));
		directory.close();
		assertThat(data.resolve("emulator.pid")).doesNotExist();
		assertThat(data).exists();
	}

	@Test
	void temporaryDirectoriesOfKilledEmulatorsAreRemoved() throws Exception {
		Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
		Path abandoned = Files.createDirectories(temporary.resolve("koyeb-emulator-" + UUID.randomUUID()));
		Files.writeString(abandoned.resolve("emulator.pid"), Long.toString(deadPid()));
		Files.createDirectories(abandoned.resolve("sandboxes/old/fs/tmp"));
		Path unclaimed = Files.createDirectories(temporary.resolve("koyeb-emulator-" + UUID.randomUUID()));
		try (DataDirectory directory = DataDirectory.of(null)) {
			assertThat(abandoned).doesNotExist();
			assertThat(unclaimed).exists();
			assertThat(directory.root()).exists().isNotEqualTo(abandoned);
		}
		finally {
			Files.deleteIfExists(unclaimed);
		}
	}

	private static long deadPid() throws IOException, InterruptedException {
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		return finished.pid();
	}

}

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.runtime.Bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing outlives a sandbox: deleting sandboxes, or stopping the emulator, leaves none of their
 * processes or files behind.
 */
class EmulatorCleanupTests {

	@Test
	void deletingFiftySandboxesLeavesNoProcessOrDirectory(@TempDir Path data) {
		Bubblewrap.assumeAvailable();
		String marker = "leak-check-" + UUID.randomUUID();
		try (KoyebEmulator emulator = KoyebEmulator.builder().dataDirectory(data).start()) {
			SandboxTemplate template = SandboxTemplate.builder().baseUrl(emulator.baseUrl()).apiToken("t").build();
			List<Sandbox> sandboxes = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				Sandbox sandbox = template.create(SandboxSpec.builder().name("leak-" + i).build());
				sandbox.processes().start(marked("sleep 300", marker) + " & " + marked("sleep 301", marker) + "; true");
				sandbox.files().write("/tmp/data.txt", "some state");
				sandboxes.add(sandbox);
			}
			await().untilAsserted(() -> assertThat(processesMentioning(marker)).hasSizeGreaterThanOrEqualTo(100));
			sandboxes.forEach(Sandbox::delete);
			await().untilAsserted(() -> assertThat(processesMentioning(marker)).isEmpty());
			await().untilAsserted(() -> assertThat(children(data.resolve("sandboxes"))).isEmpty());
		}
	}

	@Test
	void stoppingTheEmulatorEndsEverySandbox(@TempDir Path data) throws IOException {
		String marker = "stop-check-" + UUID.randomUUID();
		try (KoyebEmulator emulator = KoyebEmulator.builder().dataDirectory(data).start()) {
			SandboxTemplate template = SandboxTemplate.builder().baseUrl(emulator.baseUrl()).apiToken("t").build();
			for (int i = 0; i < 3; i++) {
				template.create(SandboxSpec.builder().name("running-" + i).build())
					.processes()
					.start(marked("sleep 300", marker));
			}
			await().untilAsserted(() -> assertThat(processesMentioning(marker)).hasSizeGreaterThanOrEqualTo(3));
		}
		await().untilAsserted(() -> assertThat(processesMentioning(marker)).isEmpty());
		assertThat(children(data.resolve("sandboxes"))).isEmpty();
	}

	@Test
	void storageLeftByAnEarlierRunIsRemovedAtStart(@TempDir Path data) throws IOException {
		Path leftover = Files.createDirectories(data.resolve("sandboxes/old-sandbox/fs/tmp"));
		Files.writeString(leftover.resolve("stale.txt"), "from a run that was killed");
		try (KoyebEmulator emulator = KoyebEmulator.builder().dataDirectory(data).start()) {
			assertThat(emulator.services()).isEmpty();
			assertThat(children(data.resolve("sandboxes"))).isEmpty();
			assertThat(data.resolve("emulator.pid")).hasContent(Long.toString(ProcessHandle.current().pid()));
		}
		assertThat(data.resolve("emulator.pid")).doesNotExist();
	}

	private static List<Path> children(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.toList();
		}
	}

	/**
	 * A command whose shell carries a marker in its command line, so that it can be found among
	 * the machine's processes.
	 */
	private static String marked(String command, String marker) {
		return "sh -c '" + command + "; true' " + marker;
	}

	static List<Long> processesMentioning(String marker) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false))
			.map(ProcessHandle::pid)
			.toList();
	}

}

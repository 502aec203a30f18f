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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removing a sandbox's groups kills only the processes still in them: a pid listed by a group
 * may belong to another process by the time it is killed.
 */
class SandboxCgroupTests {

	@Test
	void processListedByTheGroupButNoLongerInItIsNotKilled(@TempDir Path directory)
			throws IOException, InterruptedException {
		Process outsider = new ProcessBuilder("sleep", "60").start();
		try {
			Path group = Files.createDirectories(directory.resolve("koyeb-test-group"));
			Files.writeString(group.resolve("cgroup.procs"), outsider.pid() + "\n");
			new SandboxCgroup(List.of(group)).remove(System.nanoTime() + Duration.ofMillis(300).toNanos());
			assertThat(outsider.isAlive()).isTrue();
			assertThat(SandboxCgroup.isIn(outsider.toHandle(), group)).isFalse();
		}
		finally {
			outsider.destroyForcibly().waitFor();
		}
	}

}

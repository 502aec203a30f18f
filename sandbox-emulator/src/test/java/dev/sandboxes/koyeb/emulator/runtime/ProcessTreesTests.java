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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Killing process trees: the whole tree of a running process, and nothing at all for one that
 * has ended, whose pid may since name a stranger.
 */
class ProcessTreesTests {

	@Test
	void killsARunningProcessAndItsDescendants() throws Exception {
		Process root = new ProcessBuilder("sh", "-c", "sleep 300 & (sleep 300 & wait) & wait").start();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> root.toHandle().descendants().filter(ProcessTrees::isRunning).count() >= 3);
			List<ProcessHandle> tree = root.toHandle().descendants().toList();

			List<ProcessHandle> signalled = ProcessTrees.kill(root.toHandle());

			assertThat(signalled).first().isEqualTo(root.toHandle());
			assertThat(signalled).containsAll(tree);
			assertThat(ProcessTrees.awaitEnd(signalled, System.nanoTime() + TimeUnit.SECONDS.toNanos(10))).isTrue();
			assertThat(tree).noneMatch(ProcessTrees::isRunning);
		}
		finally {
			root.destroyForcibly();
		}
	}

	@Test
	void leavesAnEndedProcessAlone() throws Exception {
		Process ended = new ProcessBuilder("true").start();
		assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();

		assertThat(ProcessTrees.kill(ended.toHandle())).isEmpty();
	}

}

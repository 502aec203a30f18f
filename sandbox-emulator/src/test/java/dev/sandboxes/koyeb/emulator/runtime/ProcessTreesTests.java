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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ProcessTrees}.
 */
class ProcessTreesTests {

	/**
	 * A handle kept on a process that has ended, whose pid another process has taken since: the JDK
	 * finds that process's children as the ended one's.
	 */
	@Test
	void processThatHasEndedIsNotWalkedForTheChildrenOfWhateverTookItsPid() throws Exception {
		Process owner = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
		try {
			await().until(() -> owner.children().findAny().isPresent());
			ProcessHandle child = owner.children().findFirst().orElseThrow();
			assertThat(ProcessTrees.kill(new EndedProcess(owner.toHandle()))).isEmpty();
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.until(() -> ProcessTrees.isRunning(child) && ProcessTrees.isRunning(owner.toHandle()));
		}
		finally {
			ProcessTrees.kill(owner.toHandle());
		}
	}

	/**
	 * A handle whose process has ended while its pid now names a live process, as the JDK's handles
	 * behave: not alive, not destroyable, yet its pid leads to the new process's children.
	 */
	private record EndedProcess(ProcessHandle pidOwner) implements ProcessHandle {

		@Override
		public long pid() {
			return this.pidOwner.pid();
		}

		@Override
		public Optional<ProcessHandle> parent() {
			return this.pidOwner.parent();
		}

		@Override
		public Stream<ProcessHandle> children() {
			return this.pidOwner.children();
		}

		@Override
		public Stream<ProcessHandle> descendants() {
			return this.pidOwner.descendants();
		}

		@Override
		public Info info() {
			return this.pidOwner.info();
		}

		@Override
		public CompletableFuture<ProcessHandle> onExit() {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public boolean supportsNormalTermination() {
			return true;
		}

		@Override
		public boolean destroy() {
			return false;
		}

		@Override
		public boolean destroyForcibly() {
			return false;
		}

		@Override
		public boolean isAlive() {
			return false;
		}

		@Override
		public int compareTo(ProcessHandle other) {
			return Long.compare(pid(), other.pid());
		}

	}

}

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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing and killing process trees: the children a process started, the whole tree of a
 * running process killed, and nothing at all for one that has ended, whose pid may since name a
 * stranger.
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
	void childrenAreTheProcessesTheProcessStarted() throws Exception {
		String marker = "300.0" + System.nanoTime();
		Process shell = new ProcessBuilder("/bin/sh", "-c", "sleep " + marker + " & sleep " + marker).start();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> HostProcesses.running("sleep", marker).size() == 2);
			assertThat(ProcessTrees.children(shell.toHandle()).map(ProcessHandle::pid))
				.containsExactlyInAnyOrderElementsOf(HostProcesses.running("sleep", marker));
		}
		finally {
			ProcessTrees.kill(shell.toHandle());
		}
	}

	@Test
	void childrenOfAProcessThatHasExitedAreNone() throws Exception {
		Process exited = new ProcessBuilder("true").start();
		assertThat(exited.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(ProcessTrees.children(exited.toHandle())).isEmpty();
	}

	@Test
	void leavesAnEndedProcessAlone() throws Exception {
		Process ended = new ProcessBuilder("true").start();
		assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();

		assertThat(ProcessTrees.kill(ended.toHandle())).isEmpty();
	}

	/**
	 * A handle kept on a process that has ended, whose pid another process has taken since: the JDK
	 * finds that process's children as the ended one's.
	 */
	@Test
	void processThatHasEndedIsNotWalkedForTheChildrenOfWhateverTookItsPid() throws Exception {
		Process owner = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
		try {
			Awaitility.await().until(() -> owner.children().findAny().isPresent());
			ProcessHandle child = owner.children().findFirst().orElseThrow();
			assertThat(ProcessTrees.kill(new EndedProcess(owner.toHandle()))).isEmpty();
			Awaitility.await().during(Duration.ofMillis(300))
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

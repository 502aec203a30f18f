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

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link RuntimeInCreation}.
 */
class RuntimeInCreationTests {

	@Test
	void runtimeIsCreatedOnAThreadOfItsOwn(@TempDir Path base) {
		AtomicReference<String> thread = new AtomicReference<>();
		try (RuntimeInCreation runtime = RuntimeInCreation.start(() -> {
			thread.set(Thread.currentThread().getName());
			return SandboxRuntimes.create(RuntimeMode.PLAIN, base, true);
		})) {
			assertThat(runtime.name()).isEqualTo("plain");
			assertThat(runtime.isolated()).isFalse();
			assertThat(thread).hasValue("koyeb-emulator-runtime");
		}
	}

	@Test
	void everyUseFailsAsTheCreationDidAndClosingLeavesNothingToClose() {
		IllegalStateException failure = new IllegalStateException("bubblewrap does not work");
		RuntimeInCreation runtime = RuntimeInCreation.start(() -> {
			throw failure;
		});
		assertThatIllegalStateException().isThrownBy(runtime::created).isSameAs(failure);
		assertThatIllegalStateException().isThrownBy(runtime::isolated).isSameAs(failure);
		assertThatNoException().isThrownBy(runtime::close);
	}

	@Test
	void interruptedCallerStillGetsTheRuntimeAndKeepsItsInterrupt(@TempDir Path base) {
		CountDownLatch release = new CountDownLatch(1);
		RuntimeInCreation creation = RuntimeInCreation.start(() -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return SandboxRuntimes.create(RuntimeMode.PLAIN, base, true);
		});
		Thread.currentThread().interrupt();
		Thread releaser = new Thread(() -> {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			release.countDown();
		});
		releaser.start();
		try (SandboxRuntime runtime = creation.created()) {
			assertThat(runtime.name()).isEqualTo("plain");
			assertThat(Thread.interrupted()).isTrue();
		}
	}

}

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime per mode for a test class, created on first use under a base directory of its own,
 * and the sandboxes a test provisioned, destroyed after it. Registered as an extension, it does
 * its own cleaning up after each test and after the class; a temporary base directory exists
 * only from before the class's tests to after them.
 */
final class RuntimeFixture implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private @Nullable Path directory;

	private final boolean networkEnabled;

	private final boolean ownDirectory;

	private final Map<RuntimeMode, SandboxRuntime> runtimes = new EnumMap<>(RuntimeMode.class);

	private final List<RuntimeSandbox> provisioned = new ArrayList<>();

	RuntimeFixture(Path directory, boolean networkEnabled) {
		this(directory, networkEnabled, false);
	}

	private RuntimeFixture(@Nullable Path directory, boolean networkEnabled, boolean ownDirectory) {
		this.directory = directory;
		this.networkEnabled = networkEnabled;
		this.ownDirectory = ownDirectory;
	}

	/**
	 * A fixture with the network on, in a temporary directory created before the test class and
	 * removed after it.
	 */
	static RuntimeFixture inTemporaryDirectory() {
		return new RuntimeFixture(null, true, true);
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) throws IOException {
		if (this.ownDirectory && this.directory == null) {
			this.directory = Files.createTempDirectory("koyeb-runtime-tests-");
		}
	}

	/**
	 * The runtime of a mode; for {@code BUBBLEWRAP}, skips the test where bubblewrap does not work.
	 */
	synchronized SandboxRuntime runtime(RuntimeMode mode) {
		if (mode == RuntimeMode.BUBBLEWRAP) {
			Bubblewrap.assumeAvailable();
		}
		return this.runtimes.computeIfAbsent(mode,
				(key) -> SandboxRuntimes.create(key, baseDirectory(key), this.networkEnabled));
	}

	/**
	 * The real path of the base directory of a mode's runtime.
	 */
	Path baseDirectory(RuntimeMode mode) {
		try {
			return Files.createDirectories(directory().resolve(mode.name().toLowerCase(Locale.ROOT))).toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A new sandbox whose secret is {@code secret-<id>}.
	 */
	RuntimeSandbox provision(RuntimeMode mode) {
		String id = "sb-" + UUID.randomUUID();
		RuntimeSandbox sandbox = runtime(mode)
			.provision(new SandboxDefinition(id, "koyeb/sandbox", "micro", Map.of("SANDBOX_SECRET", "secret-" + id)));
		synchronized (this) {
			this.provisioned.add(sandbox);
		}
		return sandbox;
	}

	/**
	 * Where a writable directory of a sandbox is on the host.
	 */
	Path hostPath(RuntimeMode mode, RuntimeSandbox sandbox, String sandboxDirectory) {
		return baseDirectory(mode).resolve(sandbox.id())
			.resolve("fs")
			.resolve(sandboxDirectory.substring(1).replace('/', '-'));
	}

	synchronized void destroyProvisioned() {
		this.provisioned.forEach(RuntimeSandbox::destroy);
		this.provisioned.clear();
	}

	@Override
	public synchronized void close() {
		destroyProvisioned();
		this.runtimes.values().forEach(SandboxRuntime::close);
		this.runtimes.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		destroyProvisioned();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) throws IOException {
		close();
		if (this.ownDirectory && this.directory != null) {
			DirectoryTrees.delete(this.directory);
			this.directory = null;
		}
	}

	private synchronized Path directory() {
		if (this.directory == null) {
			throw new IllegalStateException("The fixture's temporary directory exists only while its test class runs");
		}
		return this.directory;
	}

}

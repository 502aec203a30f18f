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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A runtime whose sandboxes live in directories of the host, {@code <base>/<sandboxId>/}, and run
 * their commands as host processes started by a {@link CommandLauncher}: bubblewrap sandboxes or
 * plain processes. Closing it destroys every sandbox still alive; it never removes anything
 * outside the base directory, nor the base directory itself, and then closes the launcher.
 */
final class LocalSandboxRuntime implements SandboxRuntime {

	private static final Pattern SANDBOX_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final Path baseDirectory;

	private final CommandLauncher launcher;

	private final Map<String, LocalSandbox> sandboxes = new ConcurrentHashMap<>();

	private boolean closed;

	/**
	 * Create a runtime.
	 * @param baseDirectory the real path of an existing directory for the sandboxes' storage
	 * @param launcher how commands start
	 */
	LocalSandboxRuntime(Path baseDirectory, CommandLauncher launcher) {
		this.baseDirectory = baseDirectory;
		this.launcher = launcher;
	}

	@Override
	public String name() {
		return this.launcher.name();
	}

	@Override
	public boolean isolated() {
		return this.launcher.isolated();
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalArgumentException if the sandbox id is not 1 to 64 letters, digits and dashes
	 */
	@Override
	public synchronized RuntimeSandbox provision(SandboxDefinition definition) {
		String id = definition.sandboxId();
		if (!SANDBOX_ID.matcher(id).matches()) {
			throw new IllegalArgumentException(
					"Invalid sandbox id (expected 1 to 64 letters, digits and dashes): " + id);
		}
		if (this.closed) {
			throw new RuntimeProvisioningException("The " + name() + " runtime is closed",
					new IllegalStateException("Runtime closed"));
		}
		if (this.sandboxes.containsKey(id)) {
			throw new RuntimeProvisioningException("Sandbox " + id + " is already provisioned",
					new IllegalStateException("Duplicate sandbox id " + id));
		}
		SandboxStorage storage;
		try {
			storage = SandboxStorage.create(this.baseDirectory, id);
		}
		catch (IOException ex) {
			throw new RuntimeProvisioningException("Cannot create the storage of sandbox " + id, ex);
		}
		LocalSandbox sandbox = new LocalSandbox(definition, storage, this.launcher,
				(destroyed) -> this.sandboxes.remove(destroyed.id(), destroyed));
		this.sandboxes.put(id, sandbox);
		return sandbox;
	}

	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		RuntimeException failure = null;
		for (LocalSandbox sandbox : List.copyOf(this.sandboxes.values())) {
			try {
				sandbox.destroy();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		this.launcher.close();
		if (failure != null) {
			throw failure;
		}
	}

}

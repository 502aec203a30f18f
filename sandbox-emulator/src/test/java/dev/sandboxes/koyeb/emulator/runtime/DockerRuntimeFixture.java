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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Docker runtimes for a test class (with and without network, created on first use) and the
 * sandboxes a test provisioned, destroyed after it; the runtimes are closed after the class, which
 * removes every container they made, whatever the tests did. Skips the class where Docker or the
 * test images are missing (see {@link Docker}).
 */
final class DockerRuntimeFixture implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private DockerSandboxRuntime networked;

	private DockerSandboxRuntime isolated;

	private final List<RuntimeSandbox> provisioned = new ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		Docker.assumeAvailable();
	}

	/**
	 * The runtime whose containers have a network, or none.
	 */
	synchronized DockerSandboxRuntime runtime(boolean networkEnabled) {
		if (networkEnabled) {
			if (this.networked == null) {
				this.networked = new DockerSandboxRuntime(Docker.engine(), true);
			}
			return this.networked;
		}
		if (this.isolated == null) {
			this.isolated = new DockerSandboxRuntime(Docker.engine(), false);
		}
		return this.isolated;
	}

	/**
	 * A new busybox sandbox with network, of instance type micro, whose secret is
	 * {@code secret-<id>}.
	 */
	RuntimeSandbox provision() {
		return provision(Docker.BUSYBOX, "micro", true);
	}

	/**
	 * A new sandbox whose secret is {@code secret-<id>}.
	 */
	RuntimeSandbox provision(String image, String instanceType, boolean networkEnabled) {
		String id = "sb-" + UUID.randomUUID();
		RuntimeSandbox sandbox = runtime(networkEnabled)
			.provision(new SandboxDefinition(id, image, instanceType, Map.of("SANDBOX_SECRET", "secret-" + id)));
		synchronized (this) {
			this.provisioned.add(sandbox);
		}
		return sandbox;
	}

	synchronized void destroyProvisioned() {
		RuntimeException failure = null;
		for (RuntimeSandbox sandbox : this.provisioned) {
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
		this.provisioned.clear();
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		destroyProvisioned();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		try {
			destroyProvisioned();
		}
		finally {
			DockerSandboxRuntime first = this.networked;
			DockerSandboxRuntime second = this.isolated;
			this.networked = null;
			this.isolated = null;
			try {
				if (first != null) {
					first.close();
				}
			}
			finally {
				if (second != null) {
					second.close();
				}
			}
		}
	}

}

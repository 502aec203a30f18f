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


package dev.sandboxes.koyeb.emulator.controlplane;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;
import dev.sandboxes.koyeb.emulator.runtime.SandboxFileException;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime sandbox of one service. Every runtime call on it (provision, reset, destroy) runs
 * under the slot's monitor, so they never overlap for one sandbox id, and a request entering the
 * sandbox waits for a reset or a replacement in progress. Callers must not hold the lock of
 * {@link ControlPlaneState} when they call the slot; the slot may take that lock.
 */
final class SandboxSlot {

	private static final Logger logger = LoggerFactory.getLogger(SandboxSlot.class);

	private final SandboxRuntime runtime;

	private @Nullable String deploymentId;

	private @Nullable RuntimeSandbox sandbox;

	private Map<String, String> configFiles = Map.of();

	SandboxSlot(SandboxRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Bring the slot to the sandbox the service should have: destroy a sandbox of another
	 * deployment, or any sandbox when none is wanted, then provision the wanted one.
	 * @param wanted reads, under the state's lock, the sandbox wanted, empty for none
	 * @param onFailure called with the wanted sandbox and the exception when provisioning fails
	 */
	synchronized void converge(Supplier<Optional<SandboxTarget>> wanted,
			BiConsumer<SandboxTarget, RuntimeException> onFailure) {
		SandboxTarget target = wanted.get().orElse(null);
		if (this.sandbox != null && (target == null || !target.deploymentId().equals(this.deploymentId))) {
			destroy(this.sandbox);
			this.sandbox = null;
			this.deploymentId = null;
		}
		if (target != null && this.sandbox == null) {
			RuntimeSandbox provisioned = null;
			try {
				provisioned = this.runtime.provision(target.definition());
				writeConfigFiles(provisioned, target.configFiles());
				this.sandbox = provisioned;
				this.deploymentId = target.deploymentId();
				this.configFiles = target.configFiles();
			}
			catch (RuntimeException ex) {
				if (provisioned != null) {
					destroy(provisioned);
				}
				onFailure.accept(target, ex);
			}
		}
	}

	/**
	 * Reset the sandbox if the decision to sleep, taken under the slot's monitor, is positive.
	 * @param sleep decides, given the deployment of the sandbox, whether it goes to sleep now
	 * @return whether it went to sleep
	 */
	synchronized boolean sleepIf(Predicate<String> sleep) {
		if (this.sandbox == null || this.deploymentId == null || !sleep.test(this.deploymentId)) {
			return false;
		}
		try {
			this.sandbox.reset();
			writeConfigFiles(this.sandbox, this.configFiles);
		}
		catch (RuntimeException ex) {
			logger.warn("Resetting sandbox {} for its sleep failed", this.sandbox.id(), ex);
		}
		return true;
	}

	/**
	 * The sandbox of a deployment, once any runtime call in progress is over.
	 * @param deploymentId the deployment
	 * @return the sandbox, empty when that deployment has none
	 */
	synchronized Optional<RuntimeSandbox> sandboxOf(String deploymentId) {
		return deploymentId.equals(this.deploymentId) ? Optional.ofNullable(this.sandbox) : Optional.empty();
	}

	/**
	 * Write the configuration files of a deployment, which are part of its sandbox's initial
	 * state, creating their directories.
	 * @throws SandboxFileException if one cannot be written, for example outside the storage the
	 * runtime gives a sandbox
	 */
	private static void writeConfigFiles(RuntimeSandbox sandbox, Map<String, String> configFiles) {
		configFiles.forEach((path, content) -> {
			try {
				sandbox.files().makeDirectories(path.substring(0, Math.max(1, path.lastIndexOf('/'))));
				sandbox.files().write(path, content);
			}
			catch (SandboxFileException ex) {
				throw new SandboxFileException("Config file " + path + " cannot be written: " + ex.getMessage());
			}
		});
	}

	private static void destroy(RuntimeSandbox sandbox) {
		try {
			sandbox.destroy();
		}
		catch (RuntimeException ex) {
			logger.warn("Destroying sandbox {} failed", sandbox.id(), ex);
		}
	}

}

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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sandboxes.koyeb.emulator.runtime.CommandExecution;
import dev.sandboxes.koyeb.emulator.runtime.CommandRequest;
import dev.sandboxes.koyeb.emulator.runtime.PortBinding;
import dev.sandboxes.koyeb.emulator.runtime.ProcessTable;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeProvisioningException;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox;
import dev.sandboxes.koyeb.emulator.runtime.SandboxDefinition;
import dev.sandboxes.koyeb.emulator.runtime.SandboxFileSystem;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runtime that runs nothing and records what the control plane asks of it.
 */
final class RecordingRuntime implements SandboxRuntime {

	private final List<RecordingSandbox> sandboxes = new CopyOnWriteArrayList<>();

	private volatile String failure = "";

	/**
	 * Make every later provisioning fail.
	 * @param message the message of the failure
	 */
	void failProvisioning(String message) {
		this.failure = message;
	}

	/**
	 * Every sandbox provisioned, in order.
	 * @return the sandboxes
	 */
	List<RecordingSandbox> sandboxes() {
		return List.copyOf(this.sandboxes);
	}

	/**
	 * The sandboxes provisioned for one service.
	 * @param serviceId the service id
	 * @return the sandboxes, in order
	 */
	List<RecordingSandbox> sandboxesOf(String serviceId) {
		return this.sandboxes.stream().filter((sandbox) -> sandbox.id().equals(serviceId)).toList();
	}

	/**
	 * The only sandbox provisioned for one service.
	 * @param serviceId the service id
	 * @return the sandbox
	 */
	RecordingSandbox only(String serviceId) {
		List<RecordingSandbox> sandboxes = sandboxesOf(serviceId);
		assertThat(sandboxes).hasSize(1);
		return sandboxes.get(0);
	}

	@Override
	public String name() {
		return "recording";
	}

	@Override
	public boolean isolated() {
		return false;
	}

	@Override
	public RuntimeSandbox provision(SandboxDefinition definition) {
		if (!this.failure.isEmpty()) {
			throw new RuntimeProvisioningException(this.failure, new IllegalStateException(this.failure));
		}
		RecordingSandbox sandbox = new RecordingSandbox(definition);
		this.sandboxes.add(sandbox);
		return sandbox;
	}

	@Override
	public void close() {
	}

	/**
	 * A sandbox that counts its resets and remembers its destruction.
	 */
	static final class RecordingSandbox implements RuntimeSandbox {

		private final SandboxDefinition definition;

		private final PortBinding portBinding = new PortBinding();

		private final AtomicInteger resets = new AtomicInteger();

		private volatile String destroyedBy = "";

		RecordingSandbox(SandboxDefinition definition) {
			this.definition = definition;
		}

		SandboxDefinition definition() {
			return this.definition;
		}

		int resets() {
			return this.resets.get();
		}

		boolean destroyed() {
			return !this.destroyedBy.isEmpty();
		}

		/**
		 * The thread that destroyed the sandbox.
		 * @return its name, empty while not destroyed
		 */
		String destroyedBy() {
			return this.destroyedBy;
		}

		@Override
		public String id() {
			return this.definition.sandboxId();
		}

		@Override
		public CommandExecution launch(CommandRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ProcessTable processes() {
			throw new UnsupportedOperationException();
		}

		@Override
		public SandboxFileSystem files() {
			throw new UnsupportedOperationException();
		}

		@Override
		public PortBinding portBinding() {
			return this.portBinding;
		}

		@Override
		public void reset() {
			this.resets.incrementAndGet();
		}

		@Override
		public void destroy() {
			this.destroyedBy = Thread.currentThread().getName();
		}

	}

}

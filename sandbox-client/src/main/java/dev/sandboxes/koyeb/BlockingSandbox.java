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

package dev.sandboxes.koyeb;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.scheduler.Schedulers;

/**
 * {@link Sandbox} that waits for a {@link ReactiveSandbox}.
 */
final class BlockingSandbox implements Sandbox {

	private final ReactiveSandbox reactive;

	private final SandboxFiles files;

	private final SandboxProcesses processes;

	private final SandboxPorts ports;

	BlockingSandbox(ReactiveSandbox reactive) {
		this.reactive = reactive;
		this.files = new BlockingSandboxFiles(reactive.files());
		this.processes = new BlockingSandboxProcesses(reactive.processes());
		this.ports = new BlockingSandboxPorts(reactive.ports());
	}

	@Override
	public String id() {
		return this.reactive.id();
	}

	@Override
	public String name() {
		return this.reactive.name();
	}

	@Override
	public String appId() {
		return this.reactive.appId();
	}

	@Override
	public SandboxInfo info() {
		return Blocking.get(this.reactive.info(), "info");
	}

	@Override
	public ExecResult exec(String command) {
		return exec(ExecSpec.of(command));
	}

	@Override
	public ExecResult exec(ExecSpec spec) {
		return Blocking.get(this.reactive.exec(spec), "exec");
	}

	@Override
	public ExecResult exec(ExecSpec spec, Consumer<OutputLine> lineConsumer) {
		ExecResultCollector collector = new ExecResultCollector(lineConsumer);
		Blocking.run(this.reactive.execStream(spec).publishOn(Schedulers.boundedElastic()).doOnNext(collector).then());
		return collector.result(spec);
	}

	@Override
	public SandboxFiles files() {
		return this.files;
	}

	@Override
	public SandboxProcesses processes() {
		return this.processes;
	}

	@Override
	public SandboxPorts ports() {
		return this.ports;
	}

	@Override
	public void updateLifecycle(SandboxLifecycle lifecycle) {
		Blocking.run(this.reactive.updateLifecycle(lifecycle));
	}

	@Override
	public void extendLifetime(Duration duration) {
		Blocking.run(this.reactive.extendLifetime(duration));
	}

	@Override
	public boolean isHealthy() {
		return Blocking.get(this.reactive.isHealthy(), "health");
	}

	@Override
	public void delete() {
		Blocking.run(this.reactive.delete());
	}

	@Override
	public ReactiveSandbox reactive() {
		return this.reactive;
	}

	@Override
	public void close() {
		delete();
	}

	@Override
	public String toString() {
		return "Sandbox[id=" + id() + ", name=" + name() + ", appId=" + appId() + "]";
	}

}

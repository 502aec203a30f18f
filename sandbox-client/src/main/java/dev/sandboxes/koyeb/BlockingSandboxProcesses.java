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
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import reactor.core.scheduler.Schedulers;

/**
 * {@link SandboxProcesses} that waits for {@link ReactiveSandboxProcesses}.
 */
final class BlockingSandboxProcesses implements SandboxProcesses {

	private final ReactiveSandboxProcesses reactive;

	BlockingSandboxProcesses(ReactiveSandboxProcesses reactive) {
		this.reactive = reactive;
	}

	@Override
	public ProcessInfo start(String command) {
		return Blocking.get(this.reactive.start(command), "processes.start");
	}

	@Override
	public ProcessInfo start(ExecSpec spec) {
		return Blocking.get(this.reactive.start(spec), "processes.start");
	}

	@Override
	public List<ProcessInfo> list() {
		return Blocking.get(this.reactive.list().collectList(), "processes.list");
	}

	@Override
	public void kill(String id) {
		Blocking.run(this.reactive.kill(id));
	}

	@Override
	public int killAll() {
		return Blocking.get(this.reactive.killAll(), "processes.kill-all");
	}

	@Override
	public void logs(String id, Duration timeout, Consumer<ProcessLogLine> lineConsumer) {
		SpecValidation.checkPositive("timeout", timeout);
		Blocking.run(this.reactive.logs(id)
			.publishOn(Schedulers.boundedElastic())
			.doOnNext(lineConsumer)
			.then()
			.timeout(timeout)
			.onErrorMap(TimeoutException.class, (ex) -> new SandboxTimeoutException("logs of process " + id, timeout,
					null)));
	}

}

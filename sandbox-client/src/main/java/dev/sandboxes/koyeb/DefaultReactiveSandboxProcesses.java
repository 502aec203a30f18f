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

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ReactiveSandboxProcesses} over the executor's process endpoints.
 */
final class DefaultReactiveSandboxProcesses implements ReactiveSandboxProcesses {

	private final DefaultReactiveSandbox sandbox;

	DefaultReactiveSandboxProcesses(DefaultReactiveSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public Mono<ProcessInfo> start(String command) {
		return start(ExecSpec.of(command));
	}

	@Override
	public Mono<ProcessInfo> start(ExecSpec spec) {
		return this.sandbox.observe("processes.start", this.sandbox.executor()
			.flatMap((endpoint) -> this.sandbox.context()
				.executor()
				.startProcess(endpoint, DefaultReactiveSandbox.runRequest(spec))));
	}

	@Override
	public Flux<ProcessInfo> list() {
		return this.sandbox.observe("processes.list",
				this.sandbox.executor().flatMap((endpoint) -> this.sandbox.context().executor().listProcesses(endpoint)))
			.flatMapIterable((processes) -> processes);
	}

	@Override
	public Mono<Void> kill(String id) {
		SpecValidation.checkNotBlank("process id", id);
		return this.sandbox.observe("processes.kill", killProcess(id));
	}

	@Override
	public Mono<Integer> killAll() {
		return this.sandbox.observe("processes.kill-all",
				this.sandbox.executor()
					.flatMap((endpoint) -> this.sandbox.context().executor().listProcesses(endpoint))
					.flatMapIterable((processes) -> processes)
					.filter((process) -> process.status() == ProcessStatus.RUNNING)
					.concatMap((process) -> killProcess(process.id()).thenReturn(1)
						.onErrorResume(SandboxNotFoundException.class, (ex) -> Mono.just(0)))
					.reduce(0, Integer::sum));
	}

	@Override
	public Flux<ProcessLogLine> logs(String id) {
		SpecValidation.checkNotBlank("process id", id);
		return this.sandbox.observeMany("processes.logs", this.sandbox.executor()
			.flatMapMany((endpoint) -> this.sandbox.context().executor().processLogs(endpoint, id)));
	}

	private Mono<Void> killProcess(String id) {
		return this.sandbox.executor().flatMap((endpoint) -> this.sandbox.context().executor().killProcess(endpoint, id));
	}

}

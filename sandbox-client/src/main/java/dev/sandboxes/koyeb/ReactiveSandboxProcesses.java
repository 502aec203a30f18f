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
 * Reactive operations on a sandbox's background processes.
 *
 * @since 0.1.0
 */
public interface ReactiveSandboxProcesses {

	/**
	 * Start a shell command in the background.
	 * @param command the command, run with {@code sh -c}
	 * @return the started process
	 */
	Mono<ProcessInfo> start(String command);

	/**
	 * Start a command in the background; its timeout is not applied.
	 * @param spec the command with its working directory and environment
	 * @return the started process
	 */
	Mono<ProcessInfo> start(ExecSpec spec);

	/**
	 * List the processes started in the sandbox, finished ones included.
	 * @return the processes
	 */
	Flux<ProcessInfo> list();

	/**
	 * Kill a process.
	 * @param id the process id
	 * @return completion, or {@link SandboxNotFoundException} for an unknown id
	 */
	Mono<Void> kill(String id);

	/**
	 * Kill every running process.
	 * @return the number of processes killed
	 */
	Mono<Integer> killAll();

	/**
	 * Stream a process's logs: what it logged so far, then new lines until it ends. The
	 * stream lasts as long as the process: apply a timeout where that matters.
	 * @param id the process id
	 * @return the lines
	 */
	Flux<ProcessLogLine> logs(String id);

}

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
import java.util.function.Consumer;

/**
 * Operations on a sandbox's background processes.
 *
 * @since 0.1.0
 */
public interface SandboxProcesses {

	/**
	 * Start a shell command in the background.
	 * @param command the command, run with {@code sh -c}
	 * @return the started process
	 */
	ProcessInfo start(String command);

	/**
	 * Start a command in the background; its timeout is not applied.
	 * @param spec the command with its working directory and environment
	 * @return the started process
	 */
	ProcessInfo start(ExecSpec spec);

	/**
	 * List the processes started in the sandbox, finished ones included.
	 * @return the processes
	 */
	List<ProcessInfo> list();

	/**
	 * Kill a process.
	 * @param id the process id
	 * @throws SandboxNotFoundException for an unknown id
	 */
	void kill(String id);

	/**
	 * Kill every running process.
	 * @return the number of processes killed
	 */
	int killAll();

	/**
	 * Hand a process's logs to the consumer, what it logged so far then new lines, until
	 * the process ends or the timeout passes.
	 * @param id the process id
	 * @param timeout the longest time to follow the logs
	 * @param lineConsumer receives each line in order, on a thread where blocking is
	 * allowed
	 * @throws SandboxTimeoutException if the process is still running after the timeout
	 */
	void logs(String id, Duration timeout, Consumer<ProcessLogLine> lineConsumer);

}

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

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A process started with {@code /start_process}: its status and its logs.
 *
 * @since 0.1.0
 */
public interface BackgroundProcess {

	/**
	 * The process id the executor hands out (a UUID).
	 * @return the id
	 */
	String id();

	/**
	 * The operating system pid.
	 * @return the pid
	 */
	long pid();

	/**
	 * The command line as started.
	 * @return the command
	 */
	String command();

	/**
	 * The current status.
	 * @return the status
	 */
	ProcessStatus status();

	/**
	 * The exit code once the process has ended.
	 * @return the exit code, or {@code null} while it runs
	 */
	@Nullable Integer exitCode();


	/**
	 * Kill the process and its descendants (see {@link CommandExecution#kill()}). A running or
	 * already killed process counts as killed; one that exited by itself does not.
	 * @return {@code true} if the process is now killed, {@code false} if it had exited by itself
	 */
	boolean kill();

	/**
	 * The kept output: every stdout line, then every stderr line (at most the newest 10,000 lines
	 * per stream).
	 * @return the backlog
	 */
	List<LogEntry> backlog();

	/**
	 * The backlog followed by live lines, completing about 100 ms after the process ends. Lines are
	 * dropped for a subscriber that does not keep up, never buffered without bound.
	 * @return the logs
	 */
	Flux<LogEntry> logs();

}

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

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A command running inside a sandbox.
 *
 * @since 0.1.0
 */
public interface CommandExecution {

	/**
	 * The process id as seen from the emulator.
	 * @return the pid
	 */
	long pid();

	/**
	 * The command's standard output, unbuffered. Reading it is the caller's job.
	 * @return the stream
	 */
	InputStream stdout();

	/**
	 * The command's standard error, unbuffered. Reading it is the caller's job.
	 * @return the stream
	 */
	InputStream stderr();

	/**
	 * Completes with the exit code when the process has exited; a process ended by a signal gets
	 * {@code 128 + signal}.
	 * @return the exit code
	 */
	CompletableFuture<Integer> exitCode();

	/**
	 * Whether the command ended because its sandbox did (deleted, put to sleep, or its emulator
	 * stopped) rather than by itself, a kill or its timeout. Such a command has no exit code to
	 * report: on Koyeb, the instance goes away with the connections to it.
	 * @return whether the sandbox's end ended the command
	 */
	boolean endedWithItsSandbox();

	/**
	 * Kill the command and every process it started that is still its descendant, with SIGKILL.
	 * As on Koyeb, a process that is no longer a descendant (started in the background by a shell
	 * that has exited since) keeps running; resetting or destroying the sandbox ends it.
	 * Idempotent.
	 */
	void kill();

}

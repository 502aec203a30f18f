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

package dev.sandboxes.koyeb.executor;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * JSON bodies of the executor API, read and written by
 * {@link dev.sandboxes.koyeb.transport.JsonSupport} (snake_case names, absent values
 * omitted, unknown fields ignored).
 */
final class ExecutorWire {

	private ExecutorWire() {
	}

	/**
	 * Body of the calls about one path: {@code read_file}, {@code list_dir},
	 * {@code make_dir}, {@code delete_file} and {@code delete_dir}.
	 *
	 * @param path the path inside the sandbox
	 */
	record PathBody(String path) {

	}

	/**
	 * Body of {@code write_file}.
	 *
	 * @param path the path inside the sandbox
	 * @param content the text to write
	 */
	record WriteFileBody(String path, String content) {

	}

	/**
	 * Body of {@code bind_port}; the executor wants the port as a string.
	 *
	 * @param port the port, in decimal
	 */
	record PortBody(String port) {

	}

	/**
	 * Body of {@code kill_process}.
	 *
	 * @param id the process id given by the executor
	 */
	record ProcessIdBody(String id) {

	}

	/**
	 * Answer of {@code health}.
	 *
	 * @param status the reported status, {@code ok} when healthy
	 */
	record HealthReply(@Nullable String status) {

	}

	/**
	 * Answer of {@code run}.
	 *
	 * @param stdout the standard output
	 * @param stderr the standard error
	 * @param code the exit code
	 */
	record RunReply(@Nullable String stdout, @Nullable String stderr, @Nullable Integer code) {

	}

	/**
	 * The {@code {success, error, ...}} answer of the file, port and process calls, which
	 * report application failures with a 2xx status; also the data of an {@code error}
	 * event.
	 *
	 * @param success whether the call succeeded, when the endpoint says
	 * @param error the failure, if any
	 * @param content the file content of {@code read_file}, absent for an empty file
	 * @param entries the names of {@code list_dir}, absent for an empty directory
	 * @param port the bound port of {@code bind_port}
	 * @param currentPort the port already bound, when {@code bind_port} fails with 409
	 */
	record Reply(@Nullable Boolean success, @Nullable String error, @Nullable String content,
			@Nullable List<String> entries, @Nullable String port, @Nullable String currentPort) {

		/**
		 * Return the failure this answer reports, if any.
		 * @return the executor's error text, or {@code null} when the call succeeded
		 */
		@Nullable String failure() {
			if (this.error != null && !this.error.isBlank()) {
				return this.error;
			}
			return Boolean.FALSE.equals(this.success) ? "success=false without an error" : null;
		}

	}

	/**
	 * A process as described by {@code start_process} and {@code list_processes}.
	 *
	 * @param id the process id given by the executor
	 * @param pid the operating-system process id
	 * @param status the process status
	 * @param command the command, absent from {@code start_process}
	 */
	record ProcessReply(@Nullable String id, @Nullable Long pid, @Nullable String status, @Nullable String command) {

	}

	/**
	 * Answer of {@code list_processes}.
	 *
	 * @param processes the processes
	 */
	record ProcessListReply(@Nullable List<ProcessReply> processes) {

	}

	/**
	 * Data of an {@code output} event of {@code run_streaming} and of a {@code log} event
	 * of {@code process_logs_streaming}.
	 *
	 * @param timestamp when the line was read (RFC 3339), only in {@code log} events
	 * @param stream {@code stdout} or {@code stderr}
	 * @param data the line, without its terminator
	 */
	record LineData(@Nullable String timestamp, @Nullable String stream, @Nullable String data) {

	}

	/**
	 * Data of the {@code complete} event of {@code run_streaming}.
	 *
	 * @param code the exit code
	 */
	record CompleteData(@Nullable Integer code) {

	}

}

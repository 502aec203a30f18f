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

/**
 * Outcome of a command run in a sandbox. A non-zero exit code is a result, not an error.
 *
 * @param stdout everything the command wrote to standard output
 * @param stderr everything the command wrote to standard error
 * @param exitCode the exit code
 * @param duration the time from request to the last byte of the answer, measured by the
 * client
 * @since 0.1.0
 */
public record ExecResult(String stdout, String stderr, int exitCode, Duration duration) {

	/**
	 * Return whether the command exited with code 0.
	 * @return whether it succeeded
	 */
	public boolean isSuccess() {
		return this.exitCode == 0;
	}

	/**
	 * Return standard output followed by standard error.
	 * @return the combined output
	 */
	public String output() {
		if (this.stderr.isEmpty()) {
			return this.stdout;
		}
		if (this.stdout.isEmpty() || this.stdout.endsWith("\n")) {
			return this.stdout + this.stderr;
		}
		return this.stdout + "\n" + this.stderr;
	}

}

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

/**
 * Thrown for a command that exited with a non-zero code when the caller asked for that to
 * fail (see {@link ExecSpec#failOnNonZeroExit()}).
 *
 * @since 0.1.0
 */
public class SandboxCommandException extends SandboxException {

	private static final long serialVersionUID = 1L;

	private final transient ExecResult result;

	/**
	 * Create an exception for a command that exited with a non-zero code.
	 * @param result the result of the command
	 */
	public SandboxCommandException(ExecResult result) {
		super("Command exited with code " + result.exitCode());
		this.result = result;
	}

	/**
	 * Return the result of the failed command, with its output.
	 * @return the result
	 */
	public ExecResult getResult() {
		return this.result;
	}

}

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A shell command to run in a sandbox ({@code sh -c}), with its working directory,
 * environment, deadline and exit-code policy. Immutable: every {@code with}-style method
 * returns a copy.
 *
 * @since 0.1.0
 */
public final class ExecSpec {

	private final String command;

	private final @Nullable String cwd;

	private final Map<String, String> env;

	private final @Nullable Duration timeout;

	private final boolean failOnNonZeroExit;

	private ExecSpec(String command, @Nullable String cwd, Map<String, String> env, @Nullable Duration timeout,
			boolean failOnNonZeroExit) {
		this.command = command;
		this.cwd = cwd;
		this.env = env;
		this.timeout = timeout;
		this.failOnNonZeroExit = failOnNonZeroExit;
	}

	/**
	 * Create a spec for the given shell command.
	 * @param command the command, run with {@code sh -c}
	 * @return the spec
	 * @throws InvalidSandboxSpecException if the command is empty, or longer than Linux allows
	 * one argument to be (128 KiB)
	 */
	public static ExecSpec of(String command) {
		return new ExecSpec(SpecValidation.checkCommand(command), null, Map.of(), null, false);
	}

	/**
	 * Return a copy that runs in the given directory, which must exist.
	 * @param cwd the working directory
	 * @return the new spec
	 */
	public ExecSpec cwd(String cwd) {
		return new ExecSpec(this.command, SpecValidation.checkNotBlank("cwd", cwd), this.env, this.timeout,
				this.failOnNonZeroExit);
	}

	/**
	 * Return a copy with an extra environment variable.
	 * @param key the variable name
	 * @param value the value, without NUL and at most 128 KiB with its name
	 * @return the new spec
	 */
	public ExecSpec env(String key, String value) {
		Map<String, String> env = new LinkedHashMap<>(this.env);
		env.put(SpecValidation.checkEnvKey(key), SpecValidation.checkEnvValue(key, value));
		return new ExecSpec(this.command, this.cwd, Collections.unmodifiableMap(env), this.timeout,
				this.failOnNonZeroExit);
	}

	/**
	 * Return a copy with the given deadline, after which the client stops waiting and
	 * raises {@link SandboxTimeoutException}.
	 * @param timeout the deadline
	 * @return the new spec
	 */
	public ExecSpec timeout(Duration timeout) {
		return new ExecSpec(this.command, this.cwd, this.env, SpecValidation.checkPositive("timeout", timeout),
				this.failOnNonZeroExit);
	}

	/**
	 * Return a copy for which a non-zero exit code raises {@link SandboxCommandException}
	 * instead of returning a result.
	 * @return the new spec
	 */
	public ExecSpec failOnNonZeroExit() {
		return new ExecSpec(this.command, this.cwd, this.env, this.timeout, true);
	}

	/**
	 * Return the shell command.
	 * @return the command
	 */
	public String getCommand() {
		return this.command;
	}

	/**
	 * Return the working directory.
	 * @return the directory, or {@code null} for the executor's
	 */
	public @Nullable String getCwd() {
		return this.cwd;
	}

	/**
	 * Return the extra environment variables.
	 * @return the environment
	 */
	public Map<String, String> getEnv() {
		return this.env;
	}

	/**
	 * Return the deadline.
	 * @return the timeout, or {@code null} for the template's default
	 */
	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return whether a non-zero exit code raises an exception.
	 * @return whether to fail on a non-zero exit
	 */
	public boolean isFailOnNonZeroExit() {
		return this.failOnNonZeroExit;
	}

	@Override
	public String toString() {
		return "ExecSpec[command=" + this.command + ", cwd=" + this.cwd + ", envKeys=" + this.env.keySet()
				+ ", timeout=" + this.timeout + "]";
	}

}

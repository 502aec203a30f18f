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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A command to run as {@code sh -c <command>} inside a sandbox.
 *
 * @param command the shell command line
 * @param cwd the working directory inside the sandbox, or {@code null} for the sandbox's default
 * @param env variables added to the sandbox's environment for this command
 * @since 0.1.0
 */
public record CommandRequest(String command, @Nullable String cwd, Map<String, String> env) {

	/**
	 * Create a request, copying the environment.
	 * @param command see {@link #command()}
	 * @param cwd see {@link #cwd()}
	 * @param env see {@link #env()}
	 */
	public CommandRequest {
		env = Map.copyOf(env);
	}

	@Override
	public String toString() {
		return "CommandRequest[command=" + this.command + ", cwd=" + this.cwd + ", env=" + this.env.keySet() + "]";
	}

}

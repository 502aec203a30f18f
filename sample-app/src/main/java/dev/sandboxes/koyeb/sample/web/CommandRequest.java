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


package dev.sandboxes.koyeb.sample.web;

import java.time.Duration;

import dev.sandboxes.koyeb.ExecSpec;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * A shell command to run in a sandbox.
 *
 * @param command the command, run by the sandbox's shell
 * @param cwd the working directory, or {@code null} for the sandbox's default
 * @param timeout how long the command may run, or {@code null} for the application's default
 * @since 0.1.0
 */
public record CommandRequest(@NotBlank String command, @Nullable String cwd, @Nullable Duration timeout) {

	ExecSpec toExecSpec() {
		ExecSpec spec = ExecSpec.of(this.command);
		if (this.cwd != null && !this.cwd.isBlank()) {
			spec = spec.cwd(this.cwd);
		}
		return (this.timeout != null) ? spec.timeout(this.timeout) : spec;
	}

}

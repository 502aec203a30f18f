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

import dev.sandboxes.koyeb.ExecResult;

/**
 * The outcome of a command run to its end.
 *
 * @param stdout everything the command wrote to its standard output
 * @param stderr everything the command wrote to its standard error
 * @param exitCode the exit code
 * @param durationMillis how long the command took
 * @since 0.1.0
 */
public record CommandResult(String stdout, String stderr, int exitCode, long durationMillis) {

	static CommandResult of(ExecResult result) {
		return new CommandResult(result.stdout(), result.stderr(), result.exitCode(), result.duration().toMillis());
	}

}

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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code /run}, {@code /run_streaming} and {@code /start_process}.
 *
 * @param cmd the shell command
 * @param cwd the working directory, if any
 * @param env extra environment variables, if any
 * @since 0.1.0
 */
public record RunRequest(String cmd, @Nullable String cwd, @Nullable Map<String, String> env) {

	@Override
	public String toString() {
		return "RunRequest[cmd=" + this.cmd + ", cwd=" + this.cwd + "]";
	}

}

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


package dev.sandboxes.koyeb.benchmarks.support;

import java.time.Duration;

/**
 * The JSON body of {@code /run} and {@code /run_streaming}, written by hand as a raw
 * client would, and the deadline of a raw call.
 */
final class RunBodies {

	/** The deadline of a raw call: the template's default deadline of a command. */
	static final Duration DEADLINE = Duration.ofMinutes(1);

	private RunBodies() {
	}

	static String of(String command) {
		if (command.indexOf('"') >= 0 || command.indexOf('\\') >= 0) {
			throw new IllegalArgumentException("command must need no JSON escaping, was: " + command);
		}
		return "{\"cmd\":\"" + command + "\"}";
	}

}

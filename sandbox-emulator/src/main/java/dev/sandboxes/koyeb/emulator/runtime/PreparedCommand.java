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

/**
 * A sandbox command ready to start: its process, and the bytes to write to the process's standard
 * input, which is then closed. Empty bytes mean the standard input is {@code /dev/null}.
 *
 * @param builder the process
 * @param input what the process reads first from its standard input
 */
@SuppressWarnings("ArrayRecordComponent")
record PreparedCommand(ProcessBuilder builder, byte[] input) {

	/**
	 * A command that reads nothing.
	 * @param builder the process
	 * @return the command
	 */
	static PreparedCommand withoutInput(ProcessBuilder builder) {
		return new PreparedCommand(builder, new byte[0]);
	}

}

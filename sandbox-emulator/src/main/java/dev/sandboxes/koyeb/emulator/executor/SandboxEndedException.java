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


package dev.sandboxes.koyeb.emulator.executor;

/**
 * A command's sandbox ended while the command ran: its reply, which would have ended with the exit
 * code, breaks off instead, as the end of a Koyeb instance cuts the connection.
 */
final class SandboxEndedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SandboxEndedException() {
		super("The sandbox ended while the command ran", null, false, false);
	}

}

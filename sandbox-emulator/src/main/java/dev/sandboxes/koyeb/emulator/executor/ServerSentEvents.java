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
 * Frames of the executor's server-sent events: {@code event: <type>\ndata: <json>\n\n}.
 */
final class ServerSentEvents {

	private ServerSentEvents() {
	}

	static String frame(String event, String data) {
		return "event: " + event + "\ndata: " + data + "\n\n";
	}

	/**
	 * The {@code error} event, formatted as the executor formats it (with a space after the colon).
	 * @param message the error text
	 * @return the frame
	 */
	static String error(String message) {
		StringBuilder data = new StringBuilder("{\"error\": ");
		GoJson.quote(message, data);
		return frame("error", data.append('}').toString());
	}

}

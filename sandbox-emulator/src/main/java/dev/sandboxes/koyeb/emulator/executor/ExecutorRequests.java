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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.sandboxes.koyeb.emulator.runtime.CommandRequest;

/**
 * Reads executor request bodies as Go's decoder would: unknown fields ignored, a missing string
 * field empty, a value of the wrong type (or text that is not JSON) an invalid request, and an
 * escaped surrogate without its pair ({@code "\ud800"}) the replacement character U+FFFD, so that
 * no such text reaches a file name, a command or its environment.
 */
final class ExecutorRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int REPLACEMENT = 0xFFFD;

	private final JsonNode body;

	private ExecutorRequests(JsonNode body) {
		this.body = body;
	}

	/**
	 * Parse a body.
	 * @param bytes the body
	 * @return the parsed body, or empty if it is not a JSON object
	 */
	static Optional<ExecutorRequests> parse(byte[] bytes) {
		try {
			JsonNode node = JSON.readTree(bytes);
			return (node != null && node.isObject()) ? Optional.of(new ExecutorRequests(node)) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A string field.
	 * @param name the field
	 * @return the value, empty text when absent or null
	 * @throws InvalidRequestException when the field holds another type
	 */
	String string(String name) {
		String value = optionalString(name);
		return (value != null) ? value : "";
	}

	@Nullable String optionalString(String name) {
		JsonNode value = this.body.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidRequestException();
		}
		return wellFormed(value.asString());
	}

	/**
	 * The command fields of {@code /run}, {@code /run_streaming} and {@code /start_process}.
	 * @return the command
	 */
	CommandRequest command() {
		String cwd = optionalString("cwd");
		return new CommandRequest(string("cmd"), (cwd != null && !cwd.isEmpty()) ? cwd : null, env());
	}

	private Map<String, String> env() {
		JsonNode env = this.body.get("env");
		if (env == null || env.isNull()) {
			return Map.of();
		}
		if (!env.isObject()) {
			throw new InvalidRequestException();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : env.properties()) {
			if (!entry.getValue().isString()) {
				throw new InvalidRequestException();
			}
			variables.put(wellFormed(entry.getKey()), wellFormed(entry.getValue().asString()));
		}
		return variables;
	}

	/**
	 * The text with every surrogate that has no pair replaced by U+FFFD.
	 */
	static String wellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isSurrogate(text.charAt(i))) {
				return text.codePoints()
					.map((codePoint) -> Character.isSurrogate((char) codePoint) && Character.isBmpCodePoint(codePoint)
							? REPLACEMENT : codePoint)
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
					.toString();
			}
		}
		return text;
	}

	/**
	 * Thrown when a field has the wrong type: the executor answers {@code 400 Invalid request}.
	 */
	static final class InvalidRequestException extends RuntimeException {

		InvalidRequestException() {
			super("Invalid request", null, false, false);
		}

	}

}

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

package dev.sandboxes.koyeb.ai;

import java.util.Map;

/**
 * The checked arguments of one tool call.
 */
final class ToolArguments {

	private final Map<String, String> values;

	ToolArguments(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/**
	 * Return an argument declared required, which a checked call always gives.
	 * @param name the argument
	 * @return its value
	 */
	String required(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalStateException("'" + name + "' is not a required argument of this tool");
		}
		return value;
	}

	/**
	 * Return an optional argument.
	 * @param name the argument
	 * @param defaultValue the value when the call leaves it out
	 * @return its value
	 */
	String optional(String name, String defaultValue) {
		return this.values.getOrDefault(name, defaultValue);
	}

}

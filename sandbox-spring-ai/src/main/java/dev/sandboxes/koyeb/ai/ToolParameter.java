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

import java.util.List;

/**
 * A string argument of a tool, as declared to a model in the tool's input schema and
 * checked in each call.
 *
 * @param name the argument's name
 * @param description what the argument means, written for a model
 * @param required whether a call must give it
 * @param blankAllowed whether a given value may be empty or blank
 * @param allowedValues the values listed to the model, or empty for any string
 */
record ToolParameter(String name, String description, boolean required, boolean blankAllowed,
		List<String> allowedValues) {

	/**
	 * Declare an argument every call must give, not blank.
	 */
	static ToolParameter required(String name, String description) {
		return new ToolParameter(name, description, true, false, List.of());
	}

	/**
	 * Declare an argument every call must give, possibly empty, such as a file's content.
	 */
	static ToolParameter requiredAllowingEmpty(String name, String description) {
		return new ToolParameter(name, description, true, true, List.of());
	}

	/**
	 * Declare an argument a call may leave out.
	 */
	static ToolParameter optional(String name, String description) {
		return new ToolParameter(name, description, false, false, List.of());
	}

	ToolParameter withAllowedValues(List<String> values) {
		return new ToolParameter(this.name, this.description, this.required, this.blankAllowed, List.copyOf(values));
	}

}

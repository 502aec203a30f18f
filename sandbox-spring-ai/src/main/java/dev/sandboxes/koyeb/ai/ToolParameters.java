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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The arguments of a tool: the JSON schema a model is given, and the check of the JSON a
 * model calls the tool with, both made from one list of parameters so that they cannot
 * disagree.
 */
final class ToolParameters {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ToolParameter> parameters;

	ToolParameters(ToolParameter... parameters) {
		this.parameters = List.of(parameters);
	}

	/**
	 * Return the JSON schema of the arguments: an object of string properties, with the
	 * required ones listed and no others allowed.
	 * @return the schema
	 */
	String inputSchema() {
		ObjectNode schema = JSON.createObjectNode();
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = JSON.createArrayNode();
		for (ToolParameter parameter : this.parameters) {
			ObjectNode property = properties.putObject(parameter.name());
			property.put("type", "string");
			property.put("description", parameter.description());
			if (!parameter.allowedValues().isEmpty()) {
				ArrayNode values = property.putArray("enum");
				parameter.allowedValues().forEach(values::add);
			}
			if (parameter.required()) {
				required.add(parameter.name());
			}
		}
		schema.set("required", required);
		schema.put("additionalProperties", false);
		return JSON.writeValueAsString(schema);
	}

	/**
	 * Check the arguments of a call.
	 * @param json the arguments, as the model wrote them
	 * @return the values given; required ones are present, and only those that
	 * allow it are blank
	 * @throws ToolArgumentException if the arguments are not a JSON object, miss a required
	 * argument, give a value that is not a string or contains a NUL character, or name an
	 * unknown argument
	 */
	ToolArguments parse(String json) {
		JsonNode arguments = readObject(json);
		List<String> unknown = new ArrayList<>();
		for (String name : arguments.propertyNames()) {
			if (this.parameters.stream().noneMatch((parameter) -> parameter.name().equals(name))) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new ToolArgumentException("unknown argument" + ((unknown.size() > 1) ? "s " : " ")
					+ unknown.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "))
					+ "; the arguments of this tool are " + describe());
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (ToolParameter parameter : this.parameters) {
			JsonNode value = arguments.get(parameter.name());
			if (value == null || value.isNull()) {
				if (parameter.required()) {
					throw new ToolArgumentException(
							"'" + parameter.name() + "' is required: " + parameter.description());
				}
				continue;
			}
			if (!value.isString()) {
				throw new ToolArgumentException("'" + parameter.name() + "' must be a string, not " + kind(value)
						+ " (" + abbreviate(value.toString()) + ")");
			}
			if (!parameter.required() && value.asString().isBlank()) {
				// Models often fill an optional argument they do not need with "".
				continue;
			}
			if (!parameter.blankAllowed() && value.asString().isBlank()) {
				throw new ToolArgumentException("'" + parameter.name() + "' must not be empty: "
						+ parameter.description());
			}
			if (value.asString().indexOf('\0') >= 0) {
				throw new ToolArgumentException("'" + parameter.name() + "' must not contain a NUL character");
			}
			values.put(parameter.name(), value.asString());
		}
		return new ToolArguments(values);
	}

	private JsonNode readObject(String json) {
		JsonNode arguments;
		try {
			arguments = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new ToolArgumentException("the arguments are not valid JSON (" + abbreviate(json)
					+ "); give a JSON object with " + describe());
		}
		if (arguments == null || !arguments.isObject()) {
			throw new ToolArgumentException("the arguments must be a JSON object with " + describe() + ", not "
					+ abbreviate(json));
		}
		return arguments;
	}

	private String describe() {
		return this.parameters.stream()
			.map((parameter) -> "'" + parameter.name() + "' (string, "
					+ (parameter.required() ? "required" : "optional") + ")")
			.collect(Collectors.joining(", "));
	}

	private static String kind(JsonNode value) {
		if (value.isNumber()) {
			return "a number";
		}
		if (value.isBoolean()) {
			return "a boolean";
		}
		if (value.isArray()) {
			return "an array";
		}
		return "an object";
	}

	private static String abbreviate(String text) {
		return (text.length() <= 100) ? text : text.substring(0, 100) + "...";
	}

}

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


package dev.sandboxes.koyeb.emulator.controlplane;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lenient reading of request JSON as Koyeb's gRPC gateway accepts it.
 */
final class WireValues {

	private WireValues() {
	}

	/**
	 * Whether a member was sent with a value.
	 * @param node the member, possibly missing
	 * @return {@code false} when missing or {@code null}
	 */
	static boolean isPresent(JsonNode node) {
		return !node.isMissingNode() && !node.isNull();
	}

	/**
	 * Read a string member.
	 * @param node the member, possibly missing
	 * @return its text, empty when missing or not a string
	 */
	static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : "";
	}

	/**
	 * Read an int64 member sent as a JSON number or as a numeric string.
	 * @param node the member
	 * @return its value, or {@code null} when it is not an integer
	 */
	static @Nullable Long int64(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? node.longValue() : null;
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Copy a tree without its {@code null} object members, which Koyeb does not store.
	 * @param node the tree
	 * @return the copy
	 */
	static JsonNode withoutNulls(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach((member) -> {
				if (!member.getValue().isNull()) {
					copy.set(member.getKey(), withoutNulls(member.getValue()));
				}
			});
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((element) -> copy.add(withoutNulls(element)));
			return copy;
		}
		return node;
	}

}

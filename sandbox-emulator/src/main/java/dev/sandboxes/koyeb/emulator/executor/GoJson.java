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
 * Writes JSON exactly as the executor's Go encoder does: fields in the given order, no
 * spaces, HTML-sensitive characters and line separators escaped as six-character unicode escapes, and a
 * trailing newline after a top-level value.
 */
final class GoJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final StringBuilder json = new StringBuilder("{");

	private GoJson() {
	}

	/**
	 * Start an object.
	 * @return the writer
	 */
	static GoJson object() {
		return new GoJson();
	}

	GoJson string(String name, String value) {
		name(name);
		quote(value, this.json);
		return this;
	}

	/**
	 * A string field whose content is already escaped.
	 * @param name the field
	 * @param escaped the escaped content, without quotes
	 * @return this writer
	 */
	GoJson escapedString(String name, String escaped) {
		name(name);
		this.json.append('"').append(escaped).append('"');
		return this;
	}

	GoJson number(String name, long value) {
		name(name);
		this.json.append(value);
		return this;
	}

	GoJson bool(String name, boolean value) {
		name(name);
		this.json.append(value);
		return this;
	}

	GoJson raw(String name, String json) {
		name(name);
		this.json.append(json);
		return this;
	}

	/**
	 * The object as a nested value, with no trailing newline.
	 * @return the JSON text
	 */
	String toValue() {
		return this.json + "}";
	}

	/**
	 * The object as {@code json.Encoder} writes a top-level value: followed by a newline.
	 * @return the JSON text
	 */
	String toDocument() {
		return this.json + "}\n";
	}

	private void name(String name) {
		if (this.json.length() > 1) {
			this.json.append(',');
		}
		quote(name, this.json);
		this.json.append(':');
	}

	/**
	 * Append a JSON string literal.
	 * @param value the text
	 * @param out where to append
	 */
	static void quote(CharSequence value, StringBuilder out) {
		out.append('"');
		escape(value, out);
		out.append('"');
	}

	/**
	 * Append the escaped content of a JSON string literal, without the quotes.
	 * @param value the text
	 * @param out where to append
	 */
	static void escape(CharSequence value, StringBuilder out) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '<', '>', '&', '\u2028', '\u2029' -> unicode(c, out);
				default -> {
					if (c < 0x20) {
						unicode(c, out);
					}
					else {
						out.append(c);
					}
				}
			}
		}
	}

	private static void unicode(char c, StringBuilder out) {
		out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
			.append(HEX[c & 0xF]);
	}

	/**
	 * A JSON array of strings.
	 * @param values the strings
	 * @return the JSON text
	 */
	static String stringArray(Iterable<String> values) {
		StringBuilder out = new StringBuilder("[");
		for (String value : values) {
			if (out.length() > 1) {
				out.append(',');
			}
			quote(value, out);
		}
		return out.append(']').toString();
	}

}

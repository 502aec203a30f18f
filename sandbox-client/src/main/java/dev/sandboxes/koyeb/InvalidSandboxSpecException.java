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

package dev.sandboxes.koyeb;

import org.jspecify.annotations.Nullable;

/**
 * Thrown before any HTTP call when a value given to the client is not acceptable. The
 * message names the field, the value and what is allowed.
 *
 * @since 0.1.0
 */
public class InvalidSandboxSpecException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The name of the rejected field. */
	private final String field;

	/** The rejected value as text, or {@code null} when it was missing. */
	private final @Nullable String value;

	/**
	 * Create an exception for a rejected value.
	 * @param field the name of the field, as the caller knows it
	 * @param value the rejected value, or {@code null} when it was missing
	 * @param allowed what the field accepts
	 */
	public InvalidSandboxSpecException(String field, @Nullable Object value, String allowed) {
		super("Invalid " + field + " '" + value + "': " + allowed);
		this.field = field;
		this.value = (value != null) ? value.toString() : null;
	}

	/**
	 * Return the name of the rejected field.
	 * @return the field name
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * Return the rejected value as text.
	 * @return the value, or {@code null} when it was missing
	 */
	public @Nullable String getValue() {
		return this.value;
	}

}

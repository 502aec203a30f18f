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

/**
 * Quotes arguments for {@code sh -c} so that any path, spaces, quotes, {@code $} and
 * newlines included, reaches the command as one literal word.
 */
final class ShellQuoting {

	private ShellQuoting() {
	}

	/**
	 * Quote a value as a single shell word.
	 * @param value the value, which must not contain NUL
	 * @return the quoted word
	 */
	static String quote(String value) {
		return "'" + value.replace("'", "'\"'\"'") + "'";
	}

}

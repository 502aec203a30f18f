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
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A language the code tool runs: the extension of the file the code is written to, and the
 * interpreter that runs it.
 *
 * @param name the name a model gives
 * @param aliases other names accepted for it
 * @param extension the file extension, without its dot
 * @param interpreter the command that runs the file, given as its last argument
 */
record CodeLanguage(String name, List<String> aliases, String extension, String interpreter) {

	/**
	 * The languages the code tool runs, in the order they are listed to a model.
	 */
	static final List<CodeLanguage> SUPPORTED = List.of(
			new CodeLanguage("python", List.of("python3", "py"), "py", "python3"),
			new CodeLanguage("javascript", List.of("js", "node", "nodejs"), "js", "node"),
			new CodeLanguage("bash", List.of(), "sh", "bash"),
			new CodeLanguage("sh", List.of("shell"), "sh", "sh"));

	/**
	 * Find a language by name or alias, ignoring case and surrounding spaces.
	 * @param name the name
	 * @return the language, or {@code null} if none has that name
	 */
	static @Nullable CodeLanguage find(String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return SUPPORTED.stream()
			.filter((language) -> language.name.equals(wanted) || language.aliases.contains(wanted))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Describe the supported languages for a model: each name, with the interpreter that
	 * runs it where the name does not say.
	 * @return the description, such as {@code python (run with python3), bash}
	 */
	static String describeAll() {
		return SUPPORTED.stream()
			.map((language) -> language.name.equals(language.interpreter) ? language.name
					: language.name + " (run with " + language.interpreter + ")")
			.collect(Collectors.joining(", "));
	}

	/**
	 * Return the names of the supported languages.
	 * @return the names, in order
	 */
	static List<String> names() {
		return SUPPORTED.stream().map(CodeLanguage::name).toList();
	}

}

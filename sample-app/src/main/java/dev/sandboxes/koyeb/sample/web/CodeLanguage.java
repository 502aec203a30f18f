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


package dev.sandboxes.koyeb.sample.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.ExecSpec;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The languages the page runs code in: the file the code is written to, in the sandbox's
 * workspace, and the command that runs it with unbuffered output, so that lines arrive as
 * they are printed.
 */
enum CodeLanguage {

	PYTHON("main.py", "python3 -u main.py"),

	SHELL("main.sh", "sh main.sh"),

	NODE("main.js", "node main.js");

	private final String fileName;

	private final String command;

	CodeLanguage(String fileName, String command) {
		this.fileName = fileName;
		this.command = command;
	}

	/**
	 * Return the language of the given id, as the page names it.
	 * @param id the language id, such as {@code python}
	 * @return the language
	 * @throws ResponseStatusException (400) naming the languages there are
	 */
	static CodeLanguage of(String id) {
		return Arrays.stream(values())
			.filter((language) -> language.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "language '" + id
					+ "' is not supported; use one of: " + Arrays.stream(values()).map(CodeLanguage::id)
						.collect(Collectors.joining(", "))));
	}

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	String path() {
		return PlaygroundSandboxes.WORKSPACE + "/" + this.fileName;
	}

	ExecSpec runSpec() {
		return ExecSpec.of(this.command).cwd(PlaygroundSandboxes.WORKSPACE);
	}

}

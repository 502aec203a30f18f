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

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for the paths {@link SpecValidation} accepts, which every file operation checks before
 * any HTTP call.
 */
class SpecValidationTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPaths")
	void rejectsInvalidPathsNamingTheValueAndWhatIsAllowed(String description, String path, String message) {
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> SpecValidation.checkPath(path))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("path"))
			.withMessage(message);
	}

	static Stream<Arguments> invalidPaths() {
		return Stream.of(arguments("empty", "", "Invalid path '': must not be empty"),
				arguments("blank", "  ", "Invalid path '  ': must not be empty"),
				arguments("with NUL", "/tmp/a\0b", "Invalid path '/tmp/a\\0b': must not contain NUL characters"),
				arguments("longer than Linux's PATH_MAX", "/" + "a".repeat(4096),
						"Invalid path '/" + "a".repeat(63) + "...': must be at most 4096 characters, was 4097"),
				arguments("with a surrogate missing its pair", "/tmp/bad\uD800name",
						"Invalid path '/tmp/bad\\uD800name': must be valid Unicode: a surrogate character misses its pair"));
	}

	@Test
	void acceptsPathsOutsideTheStorageForTheSandboxToRefuse() {
		assertThat(SpecValidation.checkPath("/tmp/../../etc/passwd")).isEqualTo("/tmp/../../etc/passwd");
		assertThat(SpecValidation.checkPath("relative/caf\u00e9 \uD83D\uDE00.txt")).endsWith("\uD83D\uDE00.txt");
	}

}

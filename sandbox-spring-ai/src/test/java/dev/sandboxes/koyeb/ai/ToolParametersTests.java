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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ToolParameters}.
 */
class ToolParametersTests {

	private final ToolParameters parameters = new ToolParameters(
			ToolParameter.required("language", "The language.").withAllowedValues(List.of("python", "sh")),
			ToolParameter.requiredAllowingEmpty("content", "The content."),
			ToolParameter.optional("path", "The path."));

	@Test
	void schemaIsAnObjectOfDescribedStringsWithTheRequiredListedAndNoOthersAllowed() {
		JsonNode schema = JsonMapper.builder().build().readTree(this.parameters.inputSchema());
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.path("properties").propertyNames()).containsExactly("language", "content", "path");
		assertThat(schema.path("properties").path("language").path("type").asString()).isEqualTo("string");
		assertThat(schema.path("properties").path("language").path("description").asString())
			.isEqualTo("The language.");
		assertThat(schema.path("properties").path("language").path("enum").values())
			.extracting(JsonNode::asString)
			.containsExactly("python", "sh");
		assertThat(schema.path("properties").path("path").has("enum")).isFalse();
		assertThat(schema.path("required").values()).extracting(JsonNode::asString)
			.containsExactly("language", "content");
		assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
	}

	@Test
	void anOptionalArgumentLeftBlankTakesItsDefault() {
		ToolArguments arguments = this.parameters.parse("{\"language\": \"sh\", \"content\": \"x\", \"path\": \" \"}");
		assertThat(arguments.optional("path", ".")).isEqualTo(".");
	}

	@Test
	void validArgumentsAreReturnedWithOptionalOnesDefaulted() {
		ToolArguments arguments = this.parameters.parse("{\"language\": \"python\", \"content\": \"\"}");
		assertThat(arguments.required("language")).isEqualTo("python");
		assertThat(arguments.required("content")).isEmpty();
		assertThat(arguments.optional("path", ".")).isEqualTo(".");
	}

	@Test
	void nullCountsAsLeftOut() {
		ToolArguments arguments = this.parameters.parse("{\"language\": \"sh\", \"content\": \"x\", \"path\": null}");
		assertThat(arguments.optional("path", "default")).isEqualTo("default");
	}

	@Test
	void missingRequiredArgumentIsNamedWithItsDescription() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> this.parameters.parse("{\"content\": \"x\"}"))
			.withMessage("'language' is required: The language.");
	}

	@Test
	void blankRequiredArgumentIsRefusedUnlessItMayBeEmpty() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> this.parameters.parse("{\"language\": \"  \", \"content\": \"\"}"))
			.withMessage("'language' must not be empty: The language.");
	}

	@Test
	void valueThatIsNotAStringIsNamedWithItsKind() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> this.parameters.parse("{\"language\": \"sh\", \"content\": 42}"))
			.withMessage("'content' must be a string, not a number (42)");
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> this.parameters.parse("{\"language\": [\"sh\"], \"content\": \"\"}"))
			.withMessage("'language' must be a string, not an array ([\"sh\"])");
	}

	@Test
	void unknownArgumentsAreNamedWithTheKnownOnes() {
		assertThatExceptionOfType(ToolArgumentException.class)
			.isThrownBy(() -> this.parameters.parse("{\"language\": \"sh\", \"content\": \"\", \"cwd\": \"/\"}"))
			.withMessage("unknown argument 'cwd'; the arguments of this tool are 'language' (string, required), "
					+ "'content' (string, required), 'path' (string, optional)");
	}

	@Test
	void invalidJsonAndJsonThatIsNotAnObjectAreRefused() {
		assertThatExceptionOfType(ToolArgumentException.class).isThrownBy(() -> this.parameters.parse("{language: sh"))
			.withMessageStartingWith("the arguments are not valid JSON ({language: sh); give a JSON object with "
					+ "'language' (string, required)");
		assertThatExceptionOfType(ToolArgumentException.class).isThrownBy(() -> this.parameters.parse("[1, 2]"))
			.withMessageEndingWith(", not [1, 2]");
		assertThatExceptionOfType(ToolArgumentException.class).isThrownBy(() -> this.parameters.parse(""))
			.withMessageStartingWith("the arguments must be a JSON object with 'language'");
	}

}

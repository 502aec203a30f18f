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


package dev.sandboxes.koyeb.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sandboxes.koyeb.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates JSON against the {@code definitions} of Koyeb's Swagger 2.0 document with
 * draft-04 semantics (Swagger's {@code example} only annotates), and additionally rejects
 * any property a definition does not declare: Swagger definitions allow unknown
 * properties, so a misspelt field would otherwise pass.
 */
final class SwaggerDefinitions {

	/**
	 * Koyeb's Swagger document, relative to the module directory (tests run there).
	 */
	static final Path OPENAPI = ContractFiles.koyeb("openapi.json");

	private static final String DEFINITIONS_PREFIX = "#/definitions/";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final JsonNode definitions;

	private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
			(builder) -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV4())
				.keyword(new AnnotationKeyword("example"))
				.build()));

	private final Map<String, JsonSchema> schemas = new HashMap<>();

	private SwaggerDefinitions(JsonNode definitions) {
		this.definitions = definitions;
	}

	/**
	 * Load {@link #OPENAPI}, failing clearly when it is absent.
	 * @return the definitions
	 * @throws IOException if the document cannot be read
	 */
	static SwaggerDefinitions load() throws IOException {
		JsonNode document = MAPPER.readTree(Files.readString(OPENAPI));
		assertThat(document.path("swagger").asText()).as("version of %s", OPENAPI).isEqualTo("2.0");
		return new SwaggerDefinitions(document.get("definitions"));
	}

	/**
	 * Return every problem of a JSON document checked against a definition.
	 * @param definition the definition name, for example {@code CreateService}
	 * @param json the document
	 * @return the problems, empty if the document is valid
	 * @throws IOException if the document is not JSON
	 */
	List<String> problems(String definition, byte[] json) throws IOException {
		assertThat(this.definitions.has(definition)).as("definition %s exists", definition).isTrue();
		JsonNode instance = MAPPER.readTree(json);
		List<String> problems = new ArrayList<>();
		JsonSchema schema = this.schemas.computeIfAbsent(definition, this::schema);
		for (ValidationMessage message : schema.validate(instance)) {
			problems.add(message.getMessage());
		}
		checkDeclared(ref(definition), instance, "$", problems);
		return problems;
	}

	/**
	 * Assert that a JSON document is valid against a definition.
	 * @param definition the definition name
	 * @param json the document
	 * @throws IOException if the document is not JSON
	 */
	void assertValid(String definition, byte[] json) throws IOException {
		assertThat(problems(definition, json)).as("problems of %s as %s", new String(json, StandardCharsets.UTF_8), definition).isEmpty();
	}

	private JsonSchema schema(String definition) {
		ObjectNode schema = MAPPER.createObjectNode();
		schema.put("$schema", "http://json-schema.org/draft-04/schema#");
		schema.set("definitions", this.definitions);
		schema.set("$ref", schema.textNode(DEFINITIONS_PREFIX + definition));
		return this.factory.getSchema(schema);
	}

	private static JsonNode ref(String definition) {
		return MAPPER.createObjectNode().put("$ref", DEFINITIONS_PREFIX + definition);
	}

	private void checkDeclared(JsonNode schema, JsonNode instance, String path, List<String> problems) {
		JsonNode resolved = resolve(schema);
		if (instance.isObject()) {
			JsonNode properties = resolved.path("properties");
			JsonNode additional = resolved.get("additionalProperties");
			for (Map.Entry<String, JsonNode> field : instance.properties()) {
				String fieldPath = path + "." + field.getKey();
				JsonNode declared = properties.get(field.getKey());
				if (declared != null) {
					checkDeclared(declared, field.getValue(), fieldPath, problems);
				}
				else if (additional != null && additional.isObject()) {
					checkDeclared(additional, field.getValue(), fieldPath, problems);
				}
				else if (additional == null || !additional.asBoolean()) {
					problems.add(fieldPath + ": is not a declared property of " + describe(schema));
				}
			}
		}
		else if (instance.isArray() && resolved.has("items")) {
			for (int i = 0; i < instance.size(); i++) {
				checkDeclared(resolved.get("items"), instance.get(i), path + "[" + i + "]", problems);
			}
		}
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asText();
			assertThat(ref).startsWith(DEFINITIONS_PREFIX);
			current = this.definitions.get(ref.substring(DEFINITIONS_PREFIX.length()));
			assertThat(current).as("definition of %s", ref).isNotNull();
		}
		return current;
	}

	private static String describe(JsonNode schema) {
		return schema.has("$ref") ? schema.get("$ref").asText().substring(DEFINITIONS_PREFIX.length())
				: "an inline schema";
	}

}

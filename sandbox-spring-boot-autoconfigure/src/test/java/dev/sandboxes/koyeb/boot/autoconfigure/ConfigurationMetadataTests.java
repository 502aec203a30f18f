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
package dev.sandboxes.koyeb.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that IDEs complete keys from.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndDefaultsAreShown() throws IOException {
		List<JsonNode> properties = properties("META-INF/spring-configuration-metadata.json");
		assertThat(properties).hasSizeGreaterThanOrEqualTo(20);
		assertThat(properties).allSatisfy((property) -> {
			assertThat(property.path("name").asString()).matches("(koyeb\\.sandbox|management)\\..+");
			assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
		});
		assertThat(properties).filteredOn((property) -> property.path("name").asString().equals("koyeb.sandbox.region"))
			.singleElement()
			.satisfies((property) -> assertThat(property.path("defaultValue").asString()).isEqualTo("na"));
	}

	@Test
	void healthSwitchAndEndpointAccessAreDescribed() throws IOException {
		List<JsonNode> properties = properties("META-INF/spring-configuration-metadata.json");
		assertThat(properties).extracting((property) -> property.path("name").asString())
			.contains("management.endpoint.sandboxes.access");
		assertThat(properties)
			.filteredOn((property) -> property.path("name").asString().equals("management.health.koyeb-sandbox.enabled"))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property.path("type").asString()).isEqualTo("java.lang.Boolean");
				assertThat(property.path("defaultValue").asBoolean()).isTrue();
			});
	}

	private static List<JsonNode> properties(String resource) throws IOException {
		try (InputStream input = new ClassPathResource(resource).getInputStream()) {
			List<JsonNode> properties = new ArrayList<>();
			JsonMapper.builder().build().readTree(input).path("properties").forEach(properties::add);
			return properties;
		}
	}

}

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

package dev.sandboxes.koyeb.ai.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata of the {@code koyeb.sandbox.ai} properties.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedAndDefaultsAreShown() throws IOException {
		List<JsonNode> properties = new ArrayList<>();
		Enumeration<URL> resources = getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream input = resources.nextElement().openStream()) {
				JsonMapper.builder().build().readTree(input).path("properties").forEach((property) -> {
					if (property.path("name").asString().startsWith(SandboxToolsProperties.PREFIX + ".")) {
						properties.add(property);
					}
				});
			}
		}
		assertThat(properties).extracting((property) -> property.path("name").asString())
			.containsExactlyInAnyOrder("koyeb.sandbox.ai.enabled", "koyeb.sandbox.ai.image",
					"koyeb.sandbox.ai.instance-type", "koyeb.sandbox.ai.region", "koyeb.sandbox.ai.working-directory",
					"koyeb.sandbox.ai.idle-time", "koyeb.sandbox.ai.call-timeout", "koyeb.sandbox.ai.output-limit",
					"koyeb.sandbox.ai.default-conversation-id");
		assertThat(properties).allSatisfy((property) -> assertThat(property.path("description").asString())
			.as(property.path("name").asString())
			.isNotBlank());
		assertThat(properties)
			.filteredOn((property) -> property.path("name").asString().equals("koyeb.sandbox.ai.idle-time"))
			.singleElement()
			.satisfies((property) -> assertThat(property.path("defaultValue").asString()).isEqualTo("10m"));
	}

}

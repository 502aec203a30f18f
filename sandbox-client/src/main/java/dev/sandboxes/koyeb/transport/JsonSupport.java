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

package dev.sandboxes.koyeb.transport;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sandboxes.koyeb.SandboxServiceException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the Koyeb wire: snake_case names, absent values omitted, unknown fields ignored
 * and int64 values accepted as numbers or numeric strings. Reading failures never carry
 * the parser's message, which could quote a secret from the body.
 *
 * @since 0.1.0
 */
public final class JsonSupport {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
			.withContentInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private JsonSupport() {
	}

	/**
	 * Return the mapper of the Koyeb wire.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Serialize a request body.
	 * @param value the body
	 * @return the JSON bytes
	 */
	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/**
	 * Read a response body.
	 * @param <T> the body type
	 * @param body the JSON bytes
	 * @param type the body type
	 * @param operation the operation that received it, named in errors
	 * @param status the HTTP status of the response
	 * @return the body
	 * @throws SandboxServiceException if the body is not valid JSON of that type
	 */
	public static <T> T read(byte[] body, Class<T> type, String operation, int status) {
		try {
			T value = MAPPER.readValue((body.length > 0) ? body : "{}".getBytes(StandardCharsets.UTF_8), type);
			if (value == null) {
				throw new SandboxServiceException(operation + " returned an empty body", status, "");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new SandboxServiceException(operation + " returned a body that is not a valid "
					+ type.getSimpleName() + " (" + ex.getClass().getSimpleName() + ")", status, "");
		}
	}

}

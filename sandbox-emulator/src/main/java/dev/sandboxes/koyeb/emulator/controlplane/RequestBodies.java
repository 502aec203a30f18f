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


package dev.sandboxes.koyeb.emulator.controlplane;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads request bodies as JSON objects. A body that is not a JSON object is refused with a 400
 * that does not quote it, since it may hold a secret.
 */
final class RequestBodies {

	/**
	 * The largest body accepted: room for a definition with config files.
	 */
	static final int MAX_BYTES = 8 * 1024 * 1024;

	private final JsonMapper mapper;

	RequestBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Read the body of a request, an empty body being an empty object.
	 * @param request the request
	 * @return the body; an {@link ApiException} when it is too large or not a JSON object
	 */
	Mono<JsonNode> read(ServerRequest request) {
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BYTES)
			.map(RequestBodies::bytes)
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> ApiException.invalidArgument("Request body is larger than " + MAX_BYTES + " bytes"))
			.map(this::parse);
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return JsonNodeFactory.instance.objectNode();
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiException.invalidArgument("Request body is not valid JSON");
		}
		if (json == null || !json.isObject()) {
			throw ApiException.invalidArgument("Request body must be a JSON object");
		}
		return json;
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}

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

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Writes JSON replies: entities rendered from the state, and refusals in Koyeb's {@code Error}
 * and {@code ErrorWithFields} shapes.
 */
final class JsonReplies {

	private final JsonMapper mapper;

	private final ControlPlaneState state;

	private final Clock clock;

	JsonReplies(JsonMapper mapper, ControlPlaneState state, Clock clock) {
		this.mapper = mapper;
		this.state = state;
		this.clock = clock;
	}

	/**
	 * Reply with JSON rendered under the state's lock.
	 * @param render renders the body at the current time
	 * @return the reply; an {@link ApiException} if rendering refuses
	 */
	Mono<ServerResponse> render(Function<Instant, JsonNode> render) {
		return Mono.defer(() -> ok(this.state.locked(() -> render.apply(this.clock.instant()))));
	}

	/**
	 * Reply with one entity, such as {@code {"app": {...}}}, rendered under the state's lock.
	 * @param name the member name
	 * @param render renders the entity at the current time
	 * @return the reply; an {@link ApiException} if rendering refuses
	 */
	Mono<ServerResponse> entity(String name, Function<Instant, JsonNode> render) {
		return render((now) -> Representations.reply(name, render.apply(now)));
	}

	/**
	 * Reply with an empty object, as deletions do.
	 * @return the reply
	 */
	Mono<ServerResponse> empty() {
		return Mono.defer(() -> ok(JsonNodeFactory.instance.objectNode()));
	}

	Mono<ServerResponse> ok(JsonNode body) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.mapper.writeValueAsBytes(body));
	}

	Mono<ServerResponse> error(ApiException ex) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("status", ex.status());
		body.put("code", ex.code());
		body.put("message", ex.getMessage());
		if (!ex.fields().isEmpty()) {
			ArrayNode fields = body.putArray("fields");
			ex.fields().forEach((field) -> fields.addObject()
				.put("field", field.field())
				.put("description", field.description()));
		}
		ServerResponse.BodyBuilder response = ServerResponse.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (ex.status() == 401) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return response.bodyValue(this.mapper.writeValueAsBytes(body));
	}

}

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

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Handles {@code /v1/services} and {@code /v1/deployments}. Work that calls the runtime runs off
 * the event loops. {@code ?dry_run=true} validates without side effect: a creation then answers
 * {@code {}}, an update the unchanged service. Lists are ordered newest first.
 */
final class ServiceHandlers {

	private final RequestBodies bodies;

	private final RequestValidator validator;

	private final ServiceDeployer deployer;

	private final ServiceTeardown teardown;

	private final ControlPlaneState state;

	private final StatusProgression statuses;

	private final Representations representations;

	private final JsonReplies replies;

	ServiceHandlers(RequestBodies bodies, RequestValidator validator, ServiceDeployer deployer,
			ServiceTeardown teardown, ControlPlaneState state, StatusProgression statuses,
			Representations representations, JsonReplies replies) {
		this.bodies = bodies;
		this.validator = validator;
		this.deployer = deployer;
		this.teardown = teardown;
		this.state = state;
		this.statuses = statuses;
		this.representations = representations;
		this.replies = replies;
	}

	Mono<ServerResponse> create(ServerRequest request) {
		return this.bodies.read(request).flatMap((body) -> {
			Violations violations = new Violations();
			ServiceRequest service = this.validator.createService(body, violations);
			if (isDryRun(request)) {
				violations.throwIfAny();
				return this.replies.empty();
			}
			return Offload.call(() -> this.deployer.create(service, violations)).flatMap(this::reply);
		});
	}

	Mono<ServerResponse> get(ServerRequest request) {
		return reply(request.pathVariable("id"));
	}

	Mono<ServerResponse> list(ServerRequest request) {
		return Mono.defer(() -> {
			ServiceListQuery query = this.validator.listQuery(request.queryParams());
			return this.replies.render((now) -> page(query, now));
		});
	}

	Mono<ServerResponse> update(ServerRequest request) {
		String id = request.pathVariable("id");
		boolean dryRun = isDryRun(request);
		return this.bodies.read(request).flatMap((body) -> {
			Violations violations = new Violations();
			ServiceUpdate update = this.validator.updateService(body, violations);
			return Offload.run(() -> this.deployer.update(id, update, violations, dryRun)).then(reply(id));
		});
	}

	Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable("id");
		return Offload.run(() -> this.teardown.delete(id)).then(this.replies.empty());
	}

	Mono<ServerResponse> getDeployment(ServerRequest request) {
		String id = request.pathVariable("id");
		return this.replies.entity("deployment",
				(now) -> this.representations.deployment(this.state.deployment(id), now));
	}

	private Mono<ServerResponse> reply(String id) {
		return this.replies.entity("service", (now) -> this.representations.service(this.state.service(id), now));
	}

	private JsonNode page(ServiceListQuery query, Instant now) {
		List<ServiceRecord> matching = this.state.services()
			.stream()
			.filter((service) -> query.matches(service, this.statuses.status(service, now)))
			.sorted(Comparator.comparingLong(ServiceRecord::sequence).reversed())
			.toList();
		List<ServiceRecord> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
		return this.representations.servicePage(page, query, matching.size(), now);
	}

	private static boolean isDryRun(ServerRequest request) {
		return request.queryParam("dry_run").map(Boolean::parseBoolean).orElse(false);
	}

}

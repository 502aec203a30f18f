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

import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The routes of the control plane: every path under {@code /v1/}, unknown ones answering 404 in
 * Koyeb's error shape.
 */
final class ControlPlaneRoutes {

	private ControlPlaneRoutes() {
	}

	static RouterFunction<ServerResponse> create(AppHandlers apps, ServiceHandlers services, QuotasHandler quotas) {
		return RouterFunctions.route()
			.path("/v1", (v1) -> v1.POST("/apps", apps::create)
				.GET("/apps", apps::list)
				.GET("/apps/{id}", apps::get)
				.DELETE("/apps/{id}", apps::delete)
				.POST("/services", services::create)
				.GET("/services", services::list)
				.GET("/services/{id}", services::get)
				.PUT("/services/{id}", services::update)
				.PATCH("/services/{id}", services::update)
				.DELETE("/services/{id}", services::delete)
				.GET("/deployments/{id}", services::getDeployment)
				.GET("/organizations/{organization_id}/quotas", quotas::get)
				.route(RequestPredicates.all(), ControlPlaneRoutes::unknown))
			.build();
	}

	private static Mono<ServerResponse> unknown(ServerRequest request) {
		return Mono.error(ApiException.notFound("No such API: " + request.method() + " " + request.path()));
	}

}

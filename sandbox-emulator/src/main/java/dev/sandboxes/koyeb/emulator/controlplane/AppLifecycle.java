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
import java.util.List;
import java.util.UUID;

/**
 * Creates and deletes apps. Deleting an app deletes every service in it.
 */
final class AppLifecycle {

	private final ControlPlaneState state;

	private final ServiceTeardown teardown;

	private final Clock clock;

	AppLifecycle(ControlPlaneState state, ServiceTeardown teardown, Clock clock) {
		this.state = state;
		this.teardown = teardown;
		this.clock = clock;
	}

	/**
	 * Create an app.
	 * @param request the validated request
	 * @return the app id
	 * @throws ApiException a 409 when a live app has that name
	 */
	String create(AppRequest request) {
		return this.state.locked(() -> {
			boolean taken = this.state.apps()
				.stream()
				.anyMatch((app) -> app.status().isLive() && app.name().equals(request.name()));
			if (taken) {
				throw ApiException.alreadyExists("An app named " + request.name() + " already exists");
			}
			AppRecord app = new AppRecord(UUID.randomUUID().toString(), request.name(), request.deleteWhenEmpty(),
					this.clock.instant());
			this.state.add(app);
			return app.id();
		});
	}

	/**
	 * Delete a live app and its services. Blocks.
	 * @param appId the app id
	 * @param reason why, as logged for each sandbox
	 * @throws ApiException a 404 when there is no such live app
	 */
	void delete(String appId, DeletionReason reason) {
		List<ServiceRecord> services = this.state.locked(() -> {
			AppRecord app = this.state.app(appId);
			if (!app.status().isLive()) {
				throw ApiException.notFound("App " + appId + " is already " + app.status());
			}
			app.changeStatus(ResourceStatus.DELETING, this.clock.instant());
			return this.state.servicesOf(appId)
				.stream()
				.filter(ServiceRecord::isLive)
				.map(this.teardown::begin)
				.toList();
		});
		services.forEach((service) -> this.teardown.complete(service, reason));
		this.state.lockedRun(() -> this.state.app(appId).changeStatus(ResourceStatus.DELETED, this.clock.instant()));
	}

}

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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes services: {@code DELETING}, sandbox destroyed, {@code DELETED}, then the app too when
 * it has {@code delete_when_empty} and no other service left. The same path serves the API and the
 * lifecycle rules.
 */
final class ServiceTeardown {

	private static final Logger logger = LoggerFactory.getLogger(ServiceTeardown.class);

	private final ControlPlaneState state;

	private final SandboxProvisioner provisioner;

	private final Clock clock;

	ServiceTeardown(ControlPlaneState state, SandboxProvisioner provisioner, Clock clock) {
		this.state = state;
		this.provisioner = provisioner;
		this.clock = clock;
	}

	/**
	 * Delete a live service for a {@code DELETE} request. Blocks.
	 * @param serviceId the service id
	 * @throws ApiException a 404 when there is no such live service
	 */
	void delete(String serviceId) {
		ServiceRecord service = this.state.locked(() -> begin(this.state.liveService(serviceId)));
		complete(service, DeletionReason.API);
	}

	/**
	 * Mark a live service {@code DELETING}. The caller holds the state's lock, then calls
	 * {@link #complete} without it.
	 * @param service the service
	 * @return the service
	 */
	ServiceRecord begin(ServiceRecord service) {
		service.markDeleting(this.clock.instant());
		return service;
	}

	/**
	 * Destroy the sandbox of a service marked {@code DELETING} and mark it {@code DELETED}. Blocks.
	 * @param service the service
	 * @param reason why it is deleted
	 */
	void complete(ServiceRecord service, DeletionReason reason) {
		this.provisioner.converge(service);
		AppRecord emptiedApp = this.state.locked(() -> finish(service));
		logger.info("Deleted sandbox {} ('{}') of app {}, reason: {}", service.id(),
				this.state.locked(service::name), service.appId(), reason);
		if (emptiedApp != null) {
			logger.info("Deleted app {} ('{}'): its last service is gone and it has delete_when_empty",
					emptiedApp.id(), emptiedApp.name());
		}
	}

	private @Nullable AppRecord finish(ServiceRecord service) {
		Instant now = this.clock.instant();
		service.markDeleted(now);
		this.state.recordDeleted(service);
		AppRecord app = this.state.app(service.appId());
		boolean empty = this.state.servicesOf(app.id())
			.stream()
			.allMatch((other) -> other.teardown() == ResourceStatus.DELETED);
		if (!app.status().isLive() || !app.deleteWhenEmpty() || !empty) {
			return null;
		}
		app.changeStatus(ResourceStatus.DELETED, now);
		return app;
	}

}

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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The apps, services and deployments of the control plane, behind one lock. Every read or change
 * of a record happens inside {@link #locked(Supplier)} or {@link #lockedRun(Runnable)}; runtime
 * calls never do.
 */
final class ControlPlaneState {

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, AppRecord> apps = new LinkedHashMap<>();

	private final Map<String, ServiceRecord> services = new LinkedHashMap<>();

	private final Map<String, DeploymentRecord> deployments = new HashMap<>();

	private final Map<String, DeploymentRecord> deploymentsByRoutingKey = new HashMap<>();

	private final Deque<String> deletedServices = new ArrayDeque<>();

	private long serviceSequence;

	/** How many deleted services stay readable; beyond that the oldest are forgotten. */
	static final int DELETED_SERVICES_KEPT = 1000;

	<T> T locked(Supplier<T> action) {
		this.lock.lock();
		try {
			return action.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	void lockedRun(Runnable action) {
		this.lock.lock();
		try {
			action.run();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Find an app, deleted ones included.
	 * @param id the app id
	 * @return the app
	 * @throws ApiException a 404 when there is none
	 */
	AppRecord app(String id) {
		AppRecord app = findApp(id);
		if (app == null) {
			throw ApiException.notFound("App not found: " + id);
		}
		return app;
	}

	@Nullable AppRecord findApp(String id) {
		checkLocked();
		return this.apps.get(id);
	}

	/**
	 * Find a service, deleted ones included.
	 * @param id the service id
	 * @return the service
	 * @throws ApiException a 404 when there is none
	 */
	ServiceRecord service(String id) {
		checkLocked();
		ServiceRecord service = this.services.get(id);
		if (service == null) {
			throw ApiException.notFound("Service not found: " + id);
		}
		return service;
	}

	/**
	 * Find a service that is neither being deleted nor deleted.
	 * @param id the service id
	 * @return the service
	 * @throws ApiException a 404 when there is no such live service
	 */
	ServiceRecord liveService(String id) {
		ServiceRecord service = service(id);
		if (!service.isLive()) {
			throw ApiException.notFound("Service " + id + " is already " + service.teardown());
		}
		return service;
	}

	DeploymentRecord deployment(String id) {
		checkLocked();
		DeploymentRecord deployment = this.deployments.get(id);
		if (deployment == null) {
			throw ApiException.notFound("Deployment not found: " + id);
		}
		return deployment;
	}

	/**
	 * Every app, in creation order.
	 * @return the apps
	 */
	List<AppRecord> apps() {
		checkLocked();
		return List.copyOf(this.apps.values());
	}

	/**
	 * Every service, in creation order.
	 * @return the services
	 */
	List<ServiceRecord> services() {
		checkLocked();
		return List.copyOf(this.services.values());
	}

	/**
	 * The services of an app, in creation order.
	 * @param appId the app id
	 * @return the services
	 */
	List<ServiceRecord> servicesOf(String appId) {
		checkLocked();
		return this.services.values().stream().filter((service) -> service.appId().equals(appId)).toList();
	}

	void add(AppRecord app) {
		checkLocked();
		this.apps.put(app.id(), app);
	}

	void add(ServiceRecord service) {
		checkLocked();
		this.services.put(service.id(), service);
	}

	void add(DeploymentRecord deployment) {
		checkLocked();
		this.deployments.put(deployment.id(), deployment);
		this.deploymentsByRoutingKey.put(deployment.routingKey(), deployment);
	}

	/**
	 * The service whose deployment (latest or not) has a routing key, found without a scan.
	 * @param routingKey the routing key
	 * @return the service, empty when no deployment has that key
	 */
	Optional<ServiceRecord> serviceRoutedBy(String routingKey) {
		checkLocked();
		DeploymentRecord deployment = this.deploymentsByRoutingKey.get(routingKey);
		return (deployment != null) ? Optional.ofNullable(this.services.get(deployment.serviceId())) : Optional.empty();
	}

	/**
	 * Record that a service is deleted; the oldest deleted services beyond
	 * {@value #DELETED_SERVICES_KEPT} are forgotten with their deployments (and their app, once it
	 * is deleted and empty), so that memory does not grow with every sandbox ever made.
	 * @param service the service just deleted
	 */
	void recordDeleted(ServiceRecord service) {
		checkLocked();
		this.deletedServices.addLast(service.id());
		while (this.deletedServices.size() > DELETED_SERVICES_KEPT) {
			forget(this.deletedServices.removeFirst());
		}
	}

	private void forget(String serviceId) {
		ServiceRecord service = this.services.remove(serviceId);
		if (service == null) {
			return;
		}
		this.deployments.values().removeIf((deployment) -> {
			boolean belongs = deployment.serviceId().equals(serviceId);
			if (belongs) {
				this.deploymentsByRoutingKey.remove(deployment.routingKey());
			}
			return belongs;
		});
		AppRecord app = this.apps.get(service.appId());
		if (app != null && app.status() == ResourceStatus.DELETED && servicesOf(app.id()).isEmpty()) {
			this.apps.remove(app.id());
		}
	}

	long nextServiceSequence() {
		checkLocked();
		return this.serviceSequence++;
	}

	private void checkLocked() {
		Assert.state(this.lock.isHeldByCurrentThread(), "The control plane state must be locked");
	}

}

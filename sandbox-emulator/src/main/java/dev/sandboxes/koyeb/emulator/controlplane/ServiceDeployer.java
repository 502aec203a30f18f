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

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates services and redeploys them when their definition changes. Each deployment gets a new
 * routing key; its sandbox is provisioned before the request is answered. A definition without
 * {@code SANDBOX_SECRET} is accepted, but its deployment fails, as the executor cannot start
 * without its secret.
 */
final class ServiceDeployer {

	private static final Logger logger = LoggerFactory.getLogger(ServiceDeployer.class);

	private static final String NO_SECRET = "Instance failed to start: the sandbox executor requires the "
			+ DeploymentSpec.SECRET_KEY + " environment variable";

	private static final int ROUTING_KEY_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	private final ControlPlaneState state;

	private final SandboxProvisioner provisioner;

	private final SandboxRuntime runtime;

	private final StatusProgression statuses;

	private final Clock clock;

	ServiceDeployer(ControlPlaneState state, SandboxProvisioner provisioner, SandboxRuntime runtime,
			StatusProgression statuses, Clock clock) {
		this.state = state;
		this.provisioner = provisioner;
		this.runtime = runtime;
		this.statuses = statuses;
		this.clock = clock;
	}

	/**
	 * Create a service and provision its sandbox. Blocks.
	 * @param request the validated request
	 * @param violations the invalid fields found so far
	 * @return the service id
	 * @throws ApiException a 400 naming every invalid field, including a missing app or a name in use
	 */
	String create(ServiceRequest request, Violations violations) {
		ServiceRecord service = this.state.locked(() -> register(request, violations));
		deployed(service, "Created");
		return service.id();
	}

	/**
	 * Update a live service: its life cycle without touching the sandbox, and its definition
	 * with a new deployment when it differs. Blocks.
	 * @param serviceId the service id
	 * @param update the validated update
	 * @param violations the invalid fields found so far
	 * @param dryRun whether to validate only
	 * @throws ApiException a 404 when there is no such live service, a 400 naming every invalid field
	 */
	void update(String serviceId, ServiceUpdate update, Violations violations, boolean dryRun) {
		ServiceRecord redeployed = this.state.locked(() -> apply(serviceId, update, violations, dryRun));
		if (redeployed != null) {
			deployed(redeployed, "Redeployed");
		}
	}

	private ServiceRecord register(ServiceRequest request, Violations violations) {
		AppRecord app = this.state.findApp(request.appId());
		if (app != null && app.status().isLive()) {
			checkNameFree(app.id(), request.spec().name(), null, violations);
		}
		else if (!request.appId().isBlank()) {
			violations.add("app_id", "must be the id of an existing app that is not deleted");
		}
		violations.throwIfAny();
		Instant now = this.clock.instant();
		String serviceId = UUID.randomUUID().toString();
		DeploymentRecord deployment = newDeployment(serviceId, request.appId(), request.spec(), now);
		ServiceRecord service = new ServiceRecord(serviceId, request.appId(), this.state.nextServiceSequence(), now,
				new SandboxSlot(this.runtime), deployment, request.lifeCycle().applyTo(LifeCycle.OFF));
		this.state.add(deployment);
		this.state.add(service);
		return service;
	}

	private @Nullable ServiceRecord apply(String serviceId, ServiceUpdate update, Violations violations,
			boolean dryRun) {
		ServiceRecord service = this.state.liveService(serviceId);
		DeploymentSpec spec = update.spec();
		if (spec != null) {
			checkNameFree(service.appId(), spec.name(), service, violations);
		}
		violations.throwIfAny();
		if (dryRun) {
			return null;
		}
		Instant now = this.clock.instant();
		LifeCycle lifeCycle = update.lifeCycle().applyTo(service.lifeCycle());
		if (!lifeCycle.equals(service.lifeCycle())) {
			service.changeLifeCycle(lifeCycle, now);
		}
		if (spec == null || spec.json().equals(service.latest().spec().json())) {
			return null;
		}
		DeploymentRecord deployment = newDeployment(service.id(), service.appId(), spec, now);
		this.state.add(deployment);
		service.redeploy(deployment, now);
		return service;
	}

	private void checkNameFree(String appId, String name, @Nullable ServiceRecord except, Violations violations) {
		boolean taken = this.state.servicesOf(appId)
			.stream()
			.anyMatch((other) -> other != except && other.isLive() && other.name().equals(name));
		if (taken) {
			violations.add("definition.name", "is already the name of another service of the app");
		}
	}

	private DeploymentRecord newDeployment(String serviceId, String appId, DeploymentSpec spec, Instant now) {
		DeploymentRecord deployment = new DeploymentRecord(UUID.randomUUID().toString(), serviceId, appId,
				routingKey(), now, spec, this.statuses.healthyAt(now));
		if (spec.secret() == null) {
			deployment.fail(NO_SECRET, now);
		}
		return deployment;
	}

	private void deployed(ServiceRecord service, String action) {
		this.provisioner.converge(service);
		String failure = this.state.locked(() -> service.latest().failure());
		if (failure == null) {
			logger.info("{} sandbox {} ('{}') in app {}", action, service.id(), this.state.locked(service::name),
					service.appId());
		}
		else {
			logger.warn("Sandbox {} was not started: {}", service.id(), failure);
		}
	}

	private String routingKey() {
		byte[] key = new byte[ROUTING_KEY_BYTES];
		this.random.nextBytes(key);
		return HexFormat.of().formatHex(key);
	}

}

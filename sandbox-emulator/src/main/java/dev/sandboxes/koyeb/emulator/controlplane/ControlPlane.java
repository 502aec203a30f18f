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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.sandboxes.koyeb.emulator.executor.ExecutorTarget;
import dev.sandboxes.koyeb.emulator.executor.ExecutorTargets;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The emulated Koyeb control plane: the REST API that sandboxes use (apps, services,
 * deployments, quotas) and the lifecycle rules Koyeb enforces on them (delete after creation,
 * scale to zero after idle time, delete after sleep). Each service is a sandbox of the
 * {@link SandboxRuntime}, provisioned when the service is created and destroyed when it is
 * deleted. It also finds sandboxes for the executor API by routing key.
 * <p>
 * Requests that change sandboxes answer once the runtime has done its part: a creation or a
 * redeployment once the sandbox is provisioned, a deletion once it is destroyed. Deleted apps and
 * services stay readable with status {@code DELETED}; unknown ids answer 404. Time, statuses and
 * lifecycle rules follow the clock of the settings.
 *
 * @since 0.1.0
 */
public final class ControlPlane implements ExecutorTargets, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ControlPlane.class);

	private static final String LIFECYCLE_THREAD_NAME = "koyeb-emulator-lifecycle";

	private static final long CLOSE_TIMEOUT_SECONDS = 10;

	private final ControlPlaneSettings settings;

	private final ControlPlaneState state = new ControlPlaneState();

	private final StatusProgression statuses;

	private final AppLifecycle apps;

	private final SandboxTraffic traffic;

	private final LifecycleEnforcer enforcer;

	private final RouterFunction<ServerResponse> routes;

	private @Nullable ScheduledExecutorService scheduler;

	private boolean closed;

	/**
	 * Create a control plane with no apps. Lifecycle rules are enforced once {@link #start()
	 * started}.
	 * @param settings the settings
	 * @param runtime where sandboxes run; closed by the caller, after this control plane
	 */
	public ControlPlane(ControlPlaneSettings settings, SandboxRuntime runtime) {
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(runtime, "runtime must not be null");
		Clock clock = settings.clock();
		this.settings = settings;
		this.statuses = new StatusProgression(settings.deploymentStepDelay());
		SandboxProvisioner provisioner = new SandboxProvisioner(this.state, clock);
		ServiceTeardown teardown = new ServiceTeardown(this.state, provisioner, clock);
		ServiceDeployer deployer = new ServiceDeployer(this.state, provisioner, runtime, this.statuses, clock);
		this.apps = new AppLifecycle(this.state, teardown, clock);
		this.traffic = new SandboxTraffic(this.state, clock);
		this.enforcer = new LifecycleEnforcer(this.state, teardown, this.statuses, clock);
		JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		JsonReplies replies = new JsonReplies(mapper, this.state, clock);
		RequestBodies bodies = new RequestBodies(mapper);
		RequestValidator validator = new RequestValidator();
		Representations representations = new Representations(settings, this.statuses);
		this.routes = ControlPlaneRoutes
			.create(new AppHandlers(bodies, validator, this.apps, this.state, representations, replies),
					new ServiceHandlers(bodies, validator, deployer, teardown, this.state, this.statuses,
							representations, replies),
					new QuotasHandler(representations, replies))
			.filter(new BearerAuthentication(settings.apiToken()))
			.filter(new ApiErrors(replies));
	}

	/**
	 * The routes of the API, every one under {@code /v1/} and behind bearer authentication.
	 * @return the routes
	 */
	public RouterFunction<ServerResponse> routes() {
		return this.routes;
	}

	/**
	 * Enforce lifecycle rules every {@link ControlPlaneSettings#lifecycleCheckInterval()}, on a
	 * daemon thread named {@code koyeb-emulator-lifecycle}.
	 * @throws IllegalStateException if already started or closed
	 */
	public synchronized void start() {
		Assert.state(!this.closed, "The control plane is closed");
		Assert.state(this.scheduler == null, "The control plane is already started");
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, LIFECYCLE_THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.lifecycleCheckInterval().toNanos();
		ScheduledFuture<?> unused = scheduler.scheduleWithFixedDelay(this::enforceLifecycleSafely, interval, interval,
				TimeUnit.NANOSECONDS);
		this.scheduler = scheduler;
	}

	/**
	 * Enforce lifecycle rules once, now in the settings' clock: delete services whose
	 * {@code delete_after_create} or {@code delete_after_sleep} elapsed, put idle scale-to-zero
	 * sandboxes to sleep. Blocks while sandboxes are reset or destroyed.
	 */
	public void enforceLifecycle() {
		this.enforcer.enforce();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A live sandbox is one whose service is not deleted or being deleted and whose latest
	 * deployment has not failed; it may still be starting or be sleeping.
	 */
	@Override
	public Optional<ExecutorTarget> findByRoutingKey(String routingKey) {
		return this.traffic.find(routingKey);
	}

	/**
	 * Every app, deleted ones included, in creation order.
	 * @return snapshots of the apps
	 */
	public List<AppView> apps() {
		return this.state.locked(() -> this.state.apps()
			.stream()
			.map((app) -> new AppView(app.id(), app.name(), app.status().name(), app.deleteWhenEmpty()))
			.toList());
	}

	/**
	 * Every service, deleted ones included, in creation order.
	 * @return snapshots of the services
	 */
	public List<ServiceView> services() {
		return this.state.locked(() -> {
			Instant now = this.settings.clock().instant();
			return this.state.services().stream().map((service) -> view(service, now)).toList();
		});
	}

	/**
	 * Stop enforcing lifecycle rules and delete every app, destroying every sandbox. The runtime is
	 * left open. Blocks.
	 */
	@Override
	public void close() {
		ScheduledExecutorService scheduler;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			scheduler = this.scheduler;
			this.scheduler = null;
		}
		if (scheduler != null) {
			stop(scheduler);
		}
		List<String> liveApps = this.state.locked(() -> this.state.apps()
			.stream()
			.filter((app) -> app.status().isLive())
			.map(AppRecord::id)
			.toList());
		for (String appId : liveApps) {
			try {
				this.apps.delete(appId, DeletionReason.SHUTDOWN);
			}
			catch (ApiException ex) {
				logger.debug("App {} was deleted concurrently", appId);
			}
		}
	}

	@Override
	public String toString() {
		return "ControlPlane[settings=" + this.settings + "]";
	}

	private void enforceLifecycleSafely() {
		try {
			this.enforcer.enforce();
		}
		catch (RuntimeException ex) {
			logger.warn("Enforcing lifecycle rules failed", ex);
		}
	}

	private ServiceView view(ServiceRecord service, Instant now) {
		DeploymentRecord deployment = service.latest();
		return new ServiceView(service.id(), service.appId(), service.name(),
				this.statuses.status(service, now).name(), deployment.id(),
				this.statuses.status(deployment, now).name(), deployment.routingKey(),
				service.lifeCycle().deleteAfterCreate(), service.lifeCycle().deleteAfterSleep());
	}

	private static void stop(ScheduledExecutorService scheduler) {
		scheduler.shutdown();
		try {
			if (!scheduler.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				logger.warn("Lifecycle enforcement did not stop within {} s", CLOSE_TIMEOUT_SECONDS);
				scheduler.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			scheduler.shutdownNow();
		}
	}

}

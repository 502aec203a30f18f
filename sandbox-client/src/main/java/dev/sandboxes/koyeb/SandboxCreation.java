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

package dev.sandboxes.koyeb;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.sandboxes.koyeb.controlplane.App;
import dev.sandboxes.koyeb.controlplane.AppLifeCycle;
import dev.sandboxes.koyeb.controlplane.CreateApp;
import dev.sandboxes.koyeb.controlplane.CreateService;
import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.controlplane.SandboxServiceDefinitions;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.controlplane.Service;
import dev.sandboxes.koyeb.controlplane.ServiceQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Creates sandboxes as Koyeb's SDKs do: validate the definition with a dry run, create a
 * dedicated app ({@code delete_when_empty}) unless one is given, create the service and
 * wait until it answers. Whatever fails or is cancelled after the app exists, what was
 * created is deleted: no orphan app or service is left behind. An app creation whose outcome is
 * unknown (its answer lost, or the caller gone meanwhile) is followed to its end, and the app,
 * found by its name, unique to the creation, when the answer is missing, deleted.
 */
final class SandboxCreation {

	private static final Logger logger = LoggerFactory.getLogger(SandboxCreation.class);

	private static final int APP_NAME_MAX_LENGTH = 64;

	private static final String APP_NAME_PREFIX = "sandbox-app-";

	/** The length of the random part that makes an app name unique to its creation. */
	static final int APP_NAME_UNIQUE_LENGTH = 6;

	private final ClientContext context;

	private final SandboxAddresses addresses;

	private final SandboxReadiness readiness;

	SandboxCreation(ClientContext context, SandboxAddresses addresses, SandboxReadiness readiness) {
		this.context = context;
		this.addresses = addresses;
		this.readiness = readiness;
	}

	Mono<ReactiveSandbox> create(SandboxSpec requested) {
		return Mono.defer(() -> {
			SandboxSpec spec = withImage(requested, this.context.settings().image());
			KoyebApi api = this.context.api();
			ClientSettings settings = this.context.settings();
			String secret = RandomTokens.secret();
			String name = name(spec, settings.owner());
			String region = (spec.region() != null) ? spec.region() : settings.region();
			String instanceType = (spec.instanceType() != null) ? spec.instanceType() : settings.instanceType();
			ServiceLifeCycle lifeCycle = lifeCycle(spec, settings.lifecycle());
			checkCaps(spec, lifeCycle, settings.lifecycleCaps());
			CreateService dryRun = SandboxServiceDefinitions.createService(spec, KoyebApi.DRY_RUN_APP_ID, name, region,
					instanceType, lifeCycle, secret);
			AtomicReference<@Nullable SandboxIdentity> created = new AtomicReference<>();
			AtomicReference<@Nullable String> ownedApp = new AtomicReference<>();
			AtomicReference<@Nullable AppCreation> appCreation = new AtomicReference<>();
			return api.validateService(dryRun, secret)
				.then(obtainApp(spec, name, ownedApp, appCreation))
				.flatMap((appId) -> api.createService(
						new CreateService(appId, dryRun.definition(), dryRun.lifeCycle(), dryRun.projectId()), secret)
					.map((service) -> new CreatedService(
							new SandboxIdentity(service.id(), name, appId, ownedApp.get() != null), service))
					.doOnNext((createdService) -> {
						created.set(createdService.identity());
						this.context.listener().created(createdService.identity().id(), name);
					})
					.onErrorResume((ex) -> cleanUpService(ex, appId, name, ownedApp.get())))
				.flatMap((createdService) -> connect(spec, createdService, secret))
				.doOnSuccess((sandbox) -> {
					created.set(null);
					logger.debug("Created sandbox {} ('{}') in app {}", sandbox.id(), sandbox.name(), sandbox.appId());
				})
				.doOnCancel(() -> cleanUpAfterCancel(created.get(), ownedApp.get(), appCreation.get()));
		});
	}

	/**
	 * The app to create the service in: the spec's, or one created for the sandbox. Once sent,
	 * the app creation runs to its end even if the caller cancels, so that the app it made can
	 * be deleted; should it fail in a way that may have created the app, the app is looked up by
	 * its name, which is unique to this creation (a random part makes it so even for creations
	 * of the same sandbox name in the same second), and deleted.
	 */
	private Mono<String> obtainApp(SandboxSpec spec, String name, AtomicReference<@Nullable String> ownedApp,
			AtomicReference<@Nullable AppCreation> appCreation) {
		if (spec.appId() != null) {
			return Mono.just(spec.appId());
		}
		String appName = appName(name, this.context.settings().clock().instant().getEpochSecond(),
				RandomTokens.suffix(APP_NAME_UNIQUE_LENGTH));
		CreateApp body = new CreateApp(appName, new AppLifeCycle(true), null);
		return Mono.deferContextual((context) -> {
			// Recorded before it is sent: a cancel from another thread meanwhile still finds it.
			CompletableFuture<App> answer = new CompletableFuture<>();
			appCreation.set(new AppCreation(appName, answer));
			this.context.api()
				.createApp(body)
				.contextWrite(context)
				.subscribe(answer::complete, answer::completeExceptionally, () -> answer
					.completeExceptionally(new SandboxException("POST /v1/apps answered without an app")));
			return Mono.fromFuture(answer, true);
		}).map((app) -> {
			ownedApp.set(app.id());
			return app.id();
		})
			.onErrorResume((ex) -> mayHaveCreatedTheApp(ex)
					? cleanUpQuietly(deleteAppsNamed(appName), ex, "create app " + appName).then(Mono.error(ex))
					: Mono.error(ex));
	}

	/**
	 * Whether a failed app creation may have created the app: anything but a refusal (HTTP 4xx).
	 */
	private static boolean mayHaveCreatedTheApp(Throwable failure) {
		boolean refused = failure instanceof SandboxAuthenticationException
				|| failure instanceof SandboxNotFoundException || failure instanceof SandboxRateLimitException
				|| failure instanceof InvalidSandboxSpecException
				|| (failure instanceof SandboxServiceException service && service.getStatusCode() >= 400
						&& service.getStatusCode() < 500);
		return !refused;
	}

	private Mono<Void> deleteAppsNamed(String appName) {
		KoyebApi api = this.context.api();
		return api.findApps(appName).concatMap((app) -> api.deleteApp(app.id())).then();
	}

	private Mono<ReactiveSandbox> connect(SandboxSpec spec, CreatedService created, String secret) {
		SandboxIdentity identity = created.identity();
		if (!spec.waitReady()) {
			return Mono.just(new DefaultReactiveSandbox(this.context, identity,
					resolveLater(identity, secret)));
		}
		Duration timeout = (spec.readyTimeout() != null) ? spec.readyTimeout()
				: this.context.settings().readyTimeout();
		return this.readiness.await(created.service(), identity.appId(), secret, timeout)
			.<ReactiveSandbox>map((address) -> new DefaultReactiveSandbox(this.context, identity, Mono.just(address)))
			.onErrorResume((ex) -> spec.keepOnReadyFailure() ? Mono.error(ex)
					: deleteAfterFailure(identity, ex).then(Mono.error(ex)));
	}

	private Mono<SandboxAddress> resolveLater(SandboxIdentity identity, String secret) {
		KoyebApi api = this.context.api();
		return api.getService(identity.id()).flatMap((service) -> {
			String deploymentId = service.currentDeploymentId();
			if (deploymentId == null) {
				return Mono.error(new SandboxException("Sandbox " + identity.id() + " has no deployment yet"));
			}
			return api.getDeployment(deploymentId)
				.flatMap((deployment) -> this.addresses.resolve(identity.id(), identity.appId(), deployment, secret));
		});
	}

	private Mono<CreatedService> cleanUpService(Throwable failure, String appId, String name,
			@Nullable String ownedApp) {
		Mono<Void> cleanup = (ownedApp != null) ? this.context.api().deleteApp(ownedApp)
				: this.context.api()
					.listAllServices(new ServiceQuery(name, appId))
					.filter((service) -> name.equals(service.name()))
					.concatMap((service) -> this.context.api().deleteService(service.id()))
					.then();
		return cleanUpQuietly(cleanup, failure, "create sandbox '" + name + "' in app " + appId)
			.then(Mono.error(failure));
	}

	/**
	 * A clean-up after a failure, whose own failure is added to it (suppressed) and logged.
	 */
	private static Mono<Void> cleanUpQuietly(Mono<Void> cleanup, Throwable failure, String attempt) {
		return cleanup.onErrorResume((cleanupFailure) -> {
			failure.addSuppressed(cleanupFailure);
			logger.warn("Could not clean up after failing to {}: {}", attempt, cleanupFailure.getMessage());
			return Mono.empty();
		});
	}

	private Mono<Void> deleteAfterFailure(SandboxIdentity identity, Throwable failure) {
		return deleteAndTell(identity).onErrorResume((cleanupFailure) -> {
			failure.addSuppressed(cleanupFailure);
			logger.warn("Could not delete sandbox {} that failed to become ready: {}", identity.id(),
					cleanupFailure.getMessage());
			return Mono.empty();
		});
	}

	private void cleanUpAfterCancel(@Nullable SandboxIdentity identity, @Nullable String ownedApp,
			@Nullable AppCreation appCreation) {
		Mono<Void> cleanup = (identity != null) ? deleteAndTell(identity)
				: (ownedApp != null) ? this.context.api().deleteApp(ownedApp)
						: (appCreation != null) ? deleteWhatItCreated(appCreation) : Mono.empty();
		cleanup.subscribe(null, (ex) -> logger.warn("Could not clean up after cancelled sandbox creation: {}",
				ex.getMessage()));
	}

	/**
	 * Wait for an app creation the caller gave up on, then delete the app it created.
	 */
	private Mono<Void> deleteWhatItCreated(AppCreation appCreation) {
		return Mono.fromFuture(appCreation.answer())
			.flatMap((app) -> this.context.api().deleteApp(app.id()))
			.onErrorResume((ex) -> mayHaveCreatedTheApp(ex) ? deleteAppsNamed(appCreation.name()) : Mono.empty());
	}

	private Mono<Void> deleteAndTell(SandboxIdentity identity) {
		Mono<Void> delete = identity.ownsApp() ? this.context.api().deleteApp(identity.appId())
				: this.context.api().deleteService(identity.id());
		return delete.doOnSuccess((done) -> this.context.listener().deleted(identity.id()));
	}

	static ServiceLifeCycle lifeCycle(SandboxSpec spec, SandboxLifecycle defaults) {
		Duration deleteAfter = firstNonNull(spec.deleteAfter(), defaults.deleteAfter());
		Duration deleteAfterInactivity = spec.idleTimeout().isZero() ? spec.deleteAfterInactivity()
				: firstNonNull(spec.deleteAfterInactivity(), defaults.deleteAfterInactivity());
		return new ServiceLifeCycle(seconds(deleteAfter), seconds(deleteAfterInactivity));
	}

	private static SandboxSpec withImage(SandboxSpec spec, String defaultImage) {
		return (spec.image() != null) ? spec : spec.toBuilder().image(defaultImage).build();
	}

	private static String name(SandboxSpec spec, @Nullable SandboxOwner owner) {
		if (owner != null) {
			return owner.sandboxName((spec.name() != null) ? spec.name() : RandomTokens.suffix(10));
		}
		return (spec.name() != null) ? spec.name() : "sandbox-" + RandomTokens.suffix(10);
	}

	/**
	 * Check the rules a new sandbox gets against the caps; deletion after sleep matters
	 * only to a sandbox that can sleep.
	 */
	private static void checkCaps(SandboxSpec spec, ServiceLifeCycle lifeCycle, LifecycleCaps caps) {
		Duration deleteAfterSleep = spec.idleTimeout().isZero() ? null
				: Duration.ofSeconds(nonNull(lifeCycle.deleteAfterSleep()));
		caps.check(Duration.ofSeconds(nonNull(lifeCycle.deleteAfterCreate())), deleteAfterSleep);
	}

	private static long nonNull(@Nullable Long seconds) {
		return (seconds != null) ? seconds : 0;
	}

	/**
	 * The name of a sandbox's own app: {@code sandbox-app-<name>-<epoch>} as Koyeb's SDKs name
	 * it, with the sandbox name cut to keep within 64 characters, and a part unique to the
	 * creation, since its clean-up, when the app's id never came back, finds the app by name.
	 */
	static String appName(String sandboxName, long epochSecond, String unique) {
		String suffix = "-" + epochSecond + "-" + unique;
		int room = APP_NAME_MAX_LENGTH - APP_NAME_PREFIX.length() - suffix.length();
		String namePart = (sandboxName.length() > room) ? sandboxName.substring(0, room) : sandboxName;
		while (namePart.endsWith("-") || namePart.endsWith(".")) {
			namePart = namePart.substring(0, namePart.length() - 1);
		}
		return APP_NAME_PREFIX + namePart + suffix;
	}

	private static @Nullable Duration firstNonNull(@Nullable Duration first, @Nullable Duration second) {
		return (first != null) ? first : second;
	}

	private static long seconds(@Nullable Duration duration) {
		return (duration != null) ? duration.toSeconds() : 0;
	}

	/**
	 * An app creation sent: the name it asked for and its answer to come.
	 */
	/**
	 * A service just created, with the identity of its sandbox.
	 */
	private record CreatedService(SandboxIdentity identity, Service service) {

	}

	private record AppCreation(String name, CompletableFuture<App> answer) {

	}

}

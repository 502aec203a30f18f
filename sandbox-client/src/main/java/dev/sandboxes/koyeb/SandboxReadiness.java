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
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.sandboxes.koyeb.controlplane.Deployment;
import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.controlplane.Service;
import dev.sandboxes.koyeb.executor.ExecutorClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Waits until a new sandbox answers: its service reports a deployment, the deployment is
 * {@code HEALTHY}, and the executor passes its health check. Starts from the service as its
 * creation answered, then polls with a backoff from 100 ms doubling to 500 ms; terminal statuses
 * fail at once with {@link SandboxDeploymentException}.
 */
final class SandboxReadiness {

	static final Duration FIRST_POLL_DELAY = Duration.ofMillis(100);

	static final Duration MAX_POLL_DELAY = Duration.ofMillis(500);

	private final KoyebApi api;

	private final ExecutorClient executor;

	private final SandboxAddresses addresses;

	SandboxReadiness(KoyebApi api, ExecutorClient executor, SandboxAddresses addresses) {
		this.api = api;
		this.executor = executor;
		this.addresses = addresses;
	}

	/**
	 * Wait for the sandbox, first looking at the service as its creation answered, then polling.
	 * @param created the service as {@code POST /v1/services} answered
	 * @param appId its app
	 * @param secret its executor secret
	 * @param timeout the longest wait
	 * @return the sandbox's address once it answers
	 */
	Mono<SandboxAddress> await(Service created, String appId, String secret, Duration timeout) {
		String sandboxId = created.id();
		AtomicReference<@Nullable Service> known = new AtomicReference<>(created);
		return Mono.defer(() -> {
			Service service = known.getAndSet(null);
			return (service != null) ? poll(service, appId, secret)
					: this.api.getService(sandboxId).flatMap((polled) -> poll(polled, appId, secret));
		})
			.repeatWhenEmpty((attempts) -> attempts.concatMap((attempt) -> Mono.delay(pollDelay(attempt))))
			.timeout(timeout)
			.onErrorMap(TimeoutException.class,
					(ex) -> new SandboxTimeoutException("wait for sandbox " + sandboxId + " to be ready", timeout, null));
	}

	private Mono<SandboxAddress> poll(Service service, String appId, String secret) {
		String deploymentId = service.currentDeploymentId();
		if (deploymentId == null) {
			checkServiceNotTerminal(service);
			return Mono.empty();
		}
		return pollDeployment(service, deploymentId, appId, secret);
	}

	/**
	 * Check the deployment before the service: a failed deployment's messages say why.
	 */
	private Mono<SandboxAddress> pollDeployment(Service service, String deploymentId, String appId, String secret) {
		return this.api.getDeployment(deploymentId).flatMap((deployment) -> {
			DeploymentStatuses.Phase phase = DeploymentStatuses.ofDeployment(deployment.status());
			checkNotTerminal(service.id(), "deployment", deployment.status(), phase, deployment.messages());
			checkServiceNotTerminal(service);
			if (phase != DeploymentStatuses.Phase.READY) {
				return Mono.empty();
			}
			return this.addresses.resolve(service.id(), appId, deployment, secret)
				.filterWhen((address) -> this.executor.isHealthy(address.executor()));
		});
	}

	private static void checkServiceNotTerminal(Service service) {
		checkNotTerminal(service.id(), "service", service.status(), DeploymentStatuses.ofService(service.status()),
				null);
	}

	private static void checkNotTerminal(String sandboxId, String what, @Nullable String status,
			DeploymentStatuses.Phase phase, @Nullable List<String> messages) {
		if (phase == DeploymentStatuses.Phase.TERMINAL) {
			String detail = (messages != null && !messages.isEmpty()) ? ": " + String.join("; ", messages) : "";
			throw new SandboxDeploymentException(sandboxId, String.valueOf(status),
					"Sandbox " + sandboxId + " will not become ready: its " + what + " is " + status + detail);
		}
	}

	static Duration pollDelay(long attempt) {
		long millis = FIRST_POLL_DELAY.toMillis() << Math.min(attempt, 10);
		return Duration.ofMillis(Math.min(millis, MAX_POLL_DELAY.toMillis()));
	}

}

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

import java.util.List;

import dev.sandboxes.koyeb.controlplane.Deployment;
import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.executor.ExecutorClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link ReactiveSandboxPorts} over the executor's port binding: the executor forwards
 * the sandbox's public port to the one bound port.
 */
final class DefaultReactiveSandboxPorts implements ReactiveSandboxPorts {

	/**
	 * Port of the executor's TCP forwarder, published at the sandbox's public URL.
	 */
	static final long FORWARDER_PORT = 3031;

	private final DefaultReactiveSandbox sandbox;

	DefaultReactiveSandboxPorts(DefaultReactiveSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public Mono<ExposedPort> expose(int port) {
		SpecValidation.checkPort("port", port);
		ExecutorClient client = this.sandbox.context().executor();
		return this.sandbox.observe("ports.expose", this.sandbox.address().flatMap((address) -> {
			Mono<Integer> bind = client.bindPort(address.executor(), port);
			return client.unbindPort(address.executor())
				.onErrorResume((ex) -> !(ex instanceof SandboxAuthenticationException), (ex) -> Mono.empty())
				.then(bind.onErrorResume(DefaultReactiveSandboxPorts::isAlreadyBound,
						(ex) -> client.unbindPort(address.executor()).then(bind)))
				.map((bound) -> new ExposedPort(bound, address.exposedPortUrl()));
		}));
	}

	@Override
	public Mono<Void> unexpose() {
		return this.sandbox.observe("ports.unexpose", this.sandbox.executor()
			.flatMap((endpoint) -> this.sandbox.context().executor().unbindPort(endpoint)));
	}

	@Override
	public Mono<TcpProxyEndpoint> tcpProxy() {
		KoyebApi api = this.sandbox.context().api();
		return this.sandbox.observe("ports.tcp-proxy", api.getService(this.sandbox.id()).flatMap((service) -> {
			String deploymentId = service.currentDeploymentId();
			return (deploymentId != null) ? api.getDeployment(deploymentId) : Mono.empty();
		}).flatMap((deployment) -> Mono.justOrEmpty(forwarderEndpoint(deployment))));
	}

	private static @Nullable TcpProxyEndpoint forwarderEndpoint(Deployment deployment) {
		List<Deployment.ProxyPortMetadata> proxyPorts = (deployment.metadata() != null)
				? deployment.metadata().proxyPorts() : null;
		if (proxyPorts == null) {
			return null;
		}
		for (Deployment.ProxyPortMetadata proxy : proxyPorts) {
			String host = proxy.host();
			Long port = proxy.port();
			Long publicPort = proxy.publicPort();
			if (port != null && port == FORWARDER_PORT && host != null && !host.isEmpty() && publicPort != null
					&& publicPort > 0) {
				return new TcpProxyEndpoint(host, publicPort.intValue());
			}
		}
		return null;
	}

	private static boolean isAlreadyBound(Throwable ex) {
		return ex instanceof SandboxServiceException serviceError && serviceError.getStatusCode() == 409;
	}

}

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

package dev.sandboxes.koyeb.controlplane;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deployment as returned by the API (definition {@code Deployment}); fields this client
 * does not use are ignored. Its definition holds the sandbox secret: never log it.
 *
 * @param id the deployment id
 * @param serviceId the service it belongs to
 * @param status the deployment status
 * @param messages status messages
 * @param metadata the sandbox and proxy metadata
 * @param definition the deployment definition
 * @since 0.1.0
 */
public record Deployment(String id, @Nullable String serviceId, @Nullable String status,
		@Nullable List<String> messages, @Nullable Metadata metadata, @Nullable DeploymentDefinition definition) {

	@Override
	public String toString() {
		return "Deployment[id=" + this.id + ", serviceId=" + this.serviceId + ", status=" + this.status + "]";
	}

	/**
	 * Metadata of a deployment (definition {@code DeploymentMetadata}).
	 *
	 * @param sandbox where the sandbox's executor is reached
	 * @param proxyPorts the public raw TCP endpoints
	 */
	public record Metadata(@Nullable SandboxMetadata sandbox, @Nullable List<ProxyPortMetadata> proxyPorts) {

	}

	/**
	 * Executor address of a sandbox (definition {@code SandboxMetadata}).
	 *
	 * @param publicUrl the public base URL
	 * @param routingKey the value of the {@code X-Routing-Key} header
	 */
	public record SandboxMetadata(@Nullable String publicUrl, @Nullable String routingKey) {

	}

	/**
	 * A public raw TCP endpoint (definition {@code DeploymentProxyPortMetadata}).
	 *
	 * @param host the public host
	 * @param publicPort the public port
	 * @param port the port inside the sandbox
	 * @param protocol the protocol
	 */
	public record ProxyPortMetadata(@Nullable String host, @Nullable Long publicPort, @Nullable Long port,
			@Nullable String protocol) {

	}

}

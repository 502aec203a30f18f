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

import java.net.URI;
import java.util.List;

import dev.sandboxes.koyeb.controlplane.App;
import dev.sandboxes.koyeb.controlplane.Deployment;
import dev.sandboxes.koyeb.controlplane.DeploymentDefinition;
import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.executor.ExecutorEndpoint;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Resolves a sandbox's {@link SandboxAddress} from its deployment: the sandbox metadata's
 * public URL and routing key when present, else the app's first domain.
 */
final class SandboxAddresses {

	private static final String EXECUTOR_PATH = "/koyeb-sandbox";

	private final KoyebApi api;

	SandboxAddresses(KoyebApi api) {
		this.api = api;
	}

	Mono<SandboxAddress> resolve(String sandboxId, String appId, Deployment deployment, String secret) {
		Deployment.Metadata deploymentMetadata = deployment.metadata();
		Deployment.SandboxMetadata metadata = (deploymentMetadata != null) ? deploymentMetadata.sandbox() : null;
		String publicUrl = (metadata != null) ? metadata.publicUrl() : null;
		if (metadata != null && publicUrl != null && !publicUrl.isBlank()) {
			String base = stripTrailingSlash(publicUrl);
			String routingKey = metadata.routingKey();
			URI portUrl = URI.create(base + ((routingKey != null) ? "/r/" + routingKey + "/" : "/"));
			return Mono.just(new SandboxAddress(new ExecutorEndpoint(URI.create(base + EXECUTOR_PATH), routingKey, secret),
					portUrl));
		}
		return this.api.getApp(appId).flatMap((app) -> {
			String domain = firstDomain(app);
			if (domain == null) {
				return Mono.error(new SandboxException("Sandbox " + sandboxId + " has no public URL yet"));
			}
			String base = "https://" + domain;
			return Mono.just(new SandboxAddress(new ExecutorEndpoint(URI.create(base + EXECUTOR_PATH), null, secret),
					URI.create(base + "/")));
		});
	}

	static String secretOf(String sandboxId, Deployment deployment) {
		DeploymentDefinition definition = deployment.definition();
		List<DeploymentDefinition.Env> env = (definition != null) ? definition.env() : null;
		if (env != null) {
			for (DeploymentDefinition.Env variable : env) {
				if (SandboxSpec.SECRET_ENV_KEY.equals(variable.key()) && variable.value() != null
						&& !variable.value().isEmpty()) {
					return variable.value();
				}
			}
		}
		throw new SandboxException("Sandbox " + sandboxId + " has no " + SandboxSpec.SECRET_ENV_KEY
				+ " in its deployment: it was not created as a sandbox");
	}

	private static @Nullable String firstDomain(App app) {
		if (app.domains() == null) {
			return null;
		}
		return app.domains()
			.stream()
			.map(App.Domain::name)
			.filter((name) -> name != null && !name.isBlank())
			.findFirst()
			.orElse(null);
	}

	private static String stripTrailingSlash(String url) {
		String result = url.strip();
		while (result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

}

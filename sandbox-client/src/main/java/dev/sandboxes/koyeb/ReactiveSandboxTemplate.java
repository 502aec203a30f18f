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

import java.util.Set;
import java.util.function.Function;

import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.controlplane.ServiceQuery;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive implementation of {@link ReactiveSandboxOperations} over Koyeb's REST API and
 * the executor inside each sandbox. Thread-safe; create one per application with
 * {@link #builder()}.
 *
 * @since 0.1.0
 */
public class ReactiveSandboxTemplate implements ReactiveSandboxOperations {

	/** Statuses of a service that is deleted or being deleted, which Koyeb still answers for. */
	private static final Set<String> GONE_STATUSES = Set.of("DELETING", "DELETED");

	private final ClientContext context;

	private final SandboxAddresses addresses;

	private final SandboxCreation creation;

	ReactiveSandboxTemplate(ClientContext context) {
		this.context = context;
		this.addresses = new SandboxAddresses(context.api());
		this.creation = new SandboxCreation(context, this.addresses,
				new SandboxReadiness(context.api(), context.executor(), this.addresses));
	}

	/**
	 * Create a builder; call {@link SandboxTemplateBuilder#buildReactive()} to get a
	 * reactive template.
	 * @return a new builder
	 */
	public static SandboxTemplateBuilder builder() {
		return new SandboxTemplateBuilder();
	}

	@Override
	public Mono<ReactiveSandbox> create(SandboxSpec spec) {
		return this.context.observations()
			.observe("create", null, this.creation.create(spec), (context, sandbox) -> context.setSandboxId(sandbox.id()));
	}

	@Override
	public Mono<ReactiveSandbox> get(String id) {
		SpecValidation.checkNotBlank("id", id);
		KoyebApi api = this.context.api();
		Mono<ReactiveSandbox> reconnect = api.getService(id).flatMap((service) -> {
			if (isGone(service.status())) {
				return Mono.error(new SandboxNotFoundException("Sandbox " + id + " is " + service.status()));
			}
			String deploymentId = service.currentDeploymentId();
			if (deploymentId == null) {
				return Mono.error(new SandboxException("Sandbox " + id + " has no deployment yet"));
			}
			return api.getDeployment(deploymentId).flatMap((deployment) -> {
				String appId = (service.appId() != null) ? service.appId() : "";
				SandboxIdentity identity = new SandboxIdentity(service.id(),
						(service.name() != null) ? service.name() : "", appId, false);
				String secret = SandboxAddresses.secretOf(id, deployment);
				return this.addresses.resolve(id, appId, deployment, secret)
					.map((address) -> new DefaultReactiveSandbox(this.context, identity, Mono.just(address)));
			});
		});
		return this.context.observations().observe("get", id, reconnect);
	}

	private static boolean isGone(@Nullable String status) {
		return status != null && GONE_STATUSES.contains(status);
	}

	@Override
	public Flux<SandboxInfo> list() {
		return this.context.observations()
			.observeMany("list", null, this.context.api().listAllServices(ServiceQuery.ALL).map(SandboxInfos::of));
	}

	@Override
	public Flux<SandboxInfo> listByName(String name) {
		SpecValidation.checkNotBlank("name", name);
		return this.context.observations()
			.observeMany("list", null,
					this.context.api().listAllServices(new ServiceQuery(name, null)).map(SandboxInfos::of));
	}

	@Override
	public Mono<Void> delete(String id) {
		SpecValidation.checkNotBlank("id", id);
		return this.context.observations()
			.observe("delete", id,
					this.context.api().deleteService(id).doOnSuccess((done) -> this.context.listener().deleted(id)));
	}

	@Override
	public <T> Flux<T> execute(SandboxSpec spec, Function<ReactiveSandbox, ? extends Publisher<T>> callback) {
		return Flux.usingWhen(create(spec), callback, ReactiveSandbox::delete, (sandbox, error) -> sandbox.delete(),
				ReactiveSandbox::delete);
	}

	@Override
	public String toString() {
		return "ReactiveSandboxTemplate[baseUrl=" + this.context.api().baseUrl() + "]";
	}

}

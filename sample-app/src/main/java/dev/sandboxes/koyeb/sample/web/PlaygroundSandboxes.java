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


package dev.sandboxes.koyeb.sample.web;

import java.util.List;

import dev.sandboxes.koyeb.ReactiveSandbox;
import dev.sandboxes.koyeb.ReactiveSandboxOperations;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * The playground's sandboxes: creates them from a request, finds one of them by id (never
 * another owner's), lists and deletes them.
 */
@Service
class PlaygroundSandboxes {

	/**
	 * Where the page keeps its code and where the file browser opens.
	 */
	static final String WORKSPACE = "/workspace";

	private final ReactiveSandboxOperations operations;

	private final OwnedSandboxes owned;

	private final SandboxOwner owner;

	PlaygroundSandboxes(ReactiveSandboxOperations operations, OwnedSandboxes owned, SandboxOwner owner) {
		this.operations = operations;
		this.owned = owned;
		this.owner = owner;
	}

	Mono<SandboxView> create(CreateSandboxRequest request) {
		SandboxSpec.Builder spec = SandboxSpec.builder();
		if (request.image() != null && !request.image().isBlank()) {
			spec.image(request.image().strip());
		}
		if (request.name() != null && !request.name().isBlank()) {
			spec.name(request.name().strip());
		}
		if (request.lifetime() != null) {
			spec.deleteAfter(request.lifetime());
		}
		if (request.idleTimeout() != null) {
			spec.idleTimeout(request.idleTimeout());
		}
		return Mono.fromSupplier(spec::build)
			.flatMap(this.operations::create)
			.flatMap((sandbox) -> sandbox.files().mkdir(WORKSPACE).thenReturn(sandbox.id()))
			.flatMap(this::view);
	}

	Mono<List<SandboxView>> list() {
		return Mono.fromCallable(() -> this.owned.list().stream().map(SandboxView::of).toList())
			.subscribeOn(Schedulers.boundedElastic());
	}

	Mono<SandboxView> view(String id) {
		return list().flatMap((sandboxes) -> Mono.justOrEmpty(
				sandboxes.stream().filter((sandbox) -> sandbox.id().equals(id)).findFirst()))
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	/**
	 * Return a handle on one of this application's sandboxes.
	 * @param id the sandbox id
	 * @return the handle, or a {@link SandboxNotFoundException} if the sandbox is gone or is
	 * not this application's
	 */
	Mono<ReactiveSandbox> find(String id) {
		return this.operations.get(id)
			.onErrorMap(SandboxNotFoundException.class, (ex) -> notFound(id))
			.filter((sandbox) -> this.owner.owns(sandbox.name()))
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	Mono<Void> delete(String id) {
		return find(id).then(Mono.<Void>fromRunnable(() -> this.owned.delete(id, DeletionReason.EXPLICIT))
			.subscribeOn(Schedulers.boundedElastic()));
	}

	private static SandboxNotFoundException notFound(String id) {
		return new SandboxNotFoundException(
				"Sandbox '" + id + "' does not exist: it was deleted, or it expired, or it is not this application's");
	}

}

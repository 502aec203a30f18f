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
import java.util.Map;

import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.ReactiveSandbox;
import dev.sandboxes.koyeb.ReactiveSandboxOperations;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxOwner;
import dev.sandboxes.koyeb.SandboxSpec;
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

	/**
	 * The specification's fields that a request names otherwise.
	 */
	private static final Map<String, String> REQUEST_FIELDS = Map.of("deleteAfter", "lifetime");

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
			.onErrorMap(InvalidSandboxSpecException.class, PlaygroundSandboxes::inRequestTerms)
			.flatMap(PlaygroundSandboxes::prepareWorkspace)
			.flatMap(this::view);
	}

	/**
	 * Create the workspace the page opens, deleting the sandbox if that fails, so that a
	 * failed request leaves nothing running.
	 */
	private static Mono<String> prepareWorkspace(ReactiveSandbox sandbox) {
		return sandbox.files()
			.mkdir(WORKSPACE)
			.thenReturn(sandbox.id())
			.onErrorResume((failure) -> sandbox.delete()
				.onErrorResume((ignored) -> Mono.empty())
				.then(Mono.error(failure)));
	}

	/**
	 * Name a refused value after the request's field rather than the specification's, so that
	 * {@code lifetime} is reported as {@code lifetime}.
	 */
	private static InvalidSandboxSpecException inRequestTerms(InvalidSandboxSpecException ex) {
		String requestField = REQUEST_FIELDS.get(ex.getField());
		if (requestField == null) {
			return ex;
		}
		String refusal = "Invalid " + ex.getField() + " '" + ex.getValue() + "': ";
		String message = String.valueOf(ex.getMessage());
		String allowed = message.startsWith(refusal) ? message.substring(refusal.length()) : message;
		InvalidSandboxSpecException renamed = new InvalidSandboxSpecException(requestField, ex.getValue(), allowed);
		renamed.initCause(ex);
		return renamed;
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

	/**
	 * Delete one of this application's sandboxes, even one that never became ready.
	 * @param id the sandbox id
	 * @return completion, or a {@link SandboxNotFoundException} if the application has no
	 * such sandbox
	 */
	Mono<Void> delete(String id) {
		return Mono.fromCallable(() -> this.owned.deleteIfOwned(id))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(notFound(id)));
	}

	private static SandboxNotFoundException notFound(String id) {
		return new SandboxNotFoundException(
				"Sandbox '" + id + "' does not exist: it was deleted, or it expired, or it is not this application's");
	}

}

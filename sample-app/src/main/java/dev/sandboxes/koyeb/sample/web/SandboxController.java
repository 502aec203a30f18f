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

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates, lists, shows, extends and deletes the playground's sandboxes.
 */
@RestController
@RequestMapping("/api/sandboxes")
class SandboxController {

	private final PlaygroundSandboxes sandboxes;

	SandboxController(PlaygroundSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SandboxView> create(@Valid @RequestBody CreateSandboxRequest request) {
		return this.sandboxes.create(request);
	}

	@GetMapping
	Mono<List<SandboxView>> list() {
		return this.sandboxes.list();
	}

	@GetMapping("/{id}")
	Mono<SandboxView> show(@PathVariable String id) {
		return this.sandboxes.view(id);
	}

	@PostMapping("/{id}/lifetime")
	Mono<SandboxView> extendLifetime(@PathVariable String id, @Valid @RequestBody RemainingLifetime lifetime) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> sandbox.extendLifetime(lifetime.remaining()))
			.then(this.sandboxes.view(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String id) {
		return this.sandboxes.delete(id);
	}

	/**
	 * How long from now a sandbox may live.
	 *
	 * @param remaining the time from now until its deletion
	 */
	record RemainingLifetime(@NotNull Duration remaining) {

	}

}

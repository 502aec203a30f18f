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

import dev.sandboxes.koyeb.ExposedPort;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exposes a sandbox's port at a public URL, and withdraws it.
 */
@RestController
@RequestMapping("/api/sandboxes/{id}/port")
class PortController {

	private final PlaygroundSandboxes sandboxes;

	PortController(PlaygroundSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	@PostMapping
	Mono<ExposedPort> expose(@PathVariable String id, @Valid @RequestBody PortRequest request) {
		return this.sandboxes.find(id).flatMap((sandbox) -> sandbox.ports().expose(request.port()));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> unexpose(@PathVariable String id) {
		return this.sandboxes.find(id).flatMap((sandbox) -> sandbox.ports().unexpose());
	}

	/**
	 * The port a server in the sandbox listens on; the client checks its range.
	 *
	 * @param port the port
	 */
	record PortRequest(@NotNull Integer port) {

	}

}

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

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs commands and code in a sandbox, buffered or streamed as server-sent events. A stream
 * answers 404 before it starts when the sandbox is gone.
 */
@RestController
@RequestMapping("/api/sandboxes/{id}")
class CommandController {

	private final PlaygroundSandboxes sandboxes;

	CommandController(PlaygroundSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	@PostMapping("/exec")
	Mono<CommandResult> exec(@PathVariable String id, @Valid @RequestBody CommandRequest command) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> sandbox.exec(command.toExecSpec()))
			.map(CommandResult::of);
	}

	@PostMapping("/exec/stream")
	Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> execStream(@PathVariable String id,
			@Valid @RequestBody CommandRequest command) {
		return this.sandboxes.find(id)
			.map((sandbox) -> ResponseEntity.ok(OutputEvents.ofCommand(sandbox.execStream(command.toExecSpec()))));
	}

	@PostMapping("/code")
	Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> runCode(@PathVariable String id,
			@Valid @RequestBody CodeRequest request) {
		CodeLanguage language = CodeLanguage.of(request.language());
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> sandbox.files().write(language.path(), request.code()).thenReturn(sandbox))
			.map((sandbox) -> ResponseEntity.ok(OutputEvents.ofCommand(sandbox.execStream(language.runSpec()))));
	}

}

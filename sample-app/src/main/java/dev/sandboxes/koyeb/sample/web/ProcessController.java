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
import java.util.Locale;

import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.ProcessStatus;
import dev.sandboxes.koyeb.ReactiveSandbox;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts, lists and kills a sandbox's background processes, and streams their logs as
 * server-sent events.
 */
@RestController
@RequestMapping("/api/sandboxes/{id}/processes")
class ProcessController {

	private final PlaygroundSandboxes sandboxes;

	ProcessController(PlaygroundSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ProcessInfo> start(@PathVariable String id, @Valid @RequestBody ProcessRequest request) {
		ExecSpec spec = new CommandRequest(request.command(), request.cwd(), null).toExecSpec();
		return this.sandboxes.find(id).flatMap((sandbox) -> sandbox.processes().start(spec));
	}

	@GetMapping
	Mono<List<ProcessInfo>> list(@PathVariable String id) {
		return this.sandboxes.find(id).flatMap((sandbox) -> sandbox.processes().list().collectList());
	}

	@GetMapping("/{processId}/logs")
	Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> logs(@PathVariable String id,
			@PathVariable String processId) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> find(sandbox, processId).thenReturn(sandbox))
			.map((sandbox) -> ResponseEntity.ok(OutputEvents.ofProcessLogs(sandbox.processes().logs(processId))));
	}

	@DeleteMapping("/{processId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> kill(@PathVariable String id, @PathVariable String processId) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> find(sandbox, processId).flatMap((process) -> {
				if (process.status() != ProcessStatus.RUNNING) {
					return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "process '" + processId
							+ "' is not running: it is " + process.status().name().toLowerCase(Locale.ROOT)));
				}
				return sandbox.processes().kill(processId);
			}));
	}

	private static Mono<ProcessInfo> find(ReactiveSandbox sandbox, String processId) {
		return sandbox.processes()
			.list()
			.filter((process) -> process.id().equals(processId))
			.next()
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"process '" + processId + "' does not exist in sandbox '" + sandbox.id() + "'")));
	}

	/**
	 * A command to start in the background.
	 *
	 * @param command the command, run by the sandbox's shell
	 * @param cwd the working directory, or {@code null} for the sandbox's default
	 */
	record ProcessRequest(@NotBlank String command, @Nullable String cwd) {

	}

}

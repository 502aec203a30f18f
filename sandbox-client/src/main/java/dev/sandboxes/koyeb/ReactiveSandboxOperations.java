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

import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive sandbox verbs: the same shapes as {@link SandboxOperations}, as {@link Mono}
 * and {@link Flux}. Implemented by {@link ReactiveSandboxTemplate}.
 *
 * @since 0.1.0
 */
public interface ReactiveSandboxOperations {

	/**
	 * Create a sandbox and, unless the spec says otherwise, wait until it answers. A
	 * sandbox that fails to become ready is deleted unless the spec asks to keep it.
	 * @param spec what to create
	 * @return the ready sandbox
	 */
	Mono<ReactiveSandbox> create(SandboxSpec spec);

	/**
	 * Reconnect to an existing sandbox by id, for example from another process.
	 * @param id the sandbox id (the Koyeb service id)
	 * @return the sandbox, or an error {@link SandboxNotFoundException}
	 */
	Mono<ReactiveSandbox> get(String id);

	/**
	 * List every sandbox of the account.
	 * @return the sandboxes, fetched page by page as they are consumed
	 */
	Flux<SandboxInfo> list();

	/**
	 * List the sandboxes with the given name.
	 * @param name the sandbox name
	 * @return the matching sandboxes
	 */
	Flux<SandboxInfo> listByName(String name);

	/**
	 * Delete a sandbox by id; a sandbox already gone counts as deleted.
	 * @param id the sandbox id
	 * @return completion
	 */
	Mono<Void> delete(String id);

	/**
	 * Create a sandbox, run the callback with it and delete the sandbox when the callback's
	 * publisher terminates or is cancelled.
	 * @param <T> the type of the callback's elements
	 * @param spec what to create
	 * @param callback the work to do with the sandbox
	 * @return the callback's elements
	 */
	<T> Flux<T> execute(SandboxSpec spec, Function<ReactiveSandbox, ? extends Publisher<T>> callback);

}

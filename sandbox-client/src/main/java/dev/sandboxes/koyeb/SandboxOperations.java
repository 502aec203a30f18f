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

import java.util.List;

/**
 * Sandbox verbs: create, reconnect, list and delete sandboxes, and the template idiom
 * {@link #execute(SandboxSpec, SandboxCallback)} that always deletes. Every call blocks
 * for at most its deadline. Implemented by {@link SandboxTemplate}.
 *
 * @since 0.1.0
 */
public interface SandboxOperations {

	/**
	 * Create a sandbox and, unless the spec says otherwise, wait until it answers. A
	 * sandbox that fails to become ready is deleted unless the spec asks to keep it.
	 * @param spec what to create
	 * @return the ready sandbox; close it to delete it
	 */
	Sandbox create(SandboxSpec spec);

	/**
	 * Reconnect to an existing sandbox by id, for example from another process.
	 * @param id the sandbox id (the Koyeb service id)
	 * @return the sandbox
	 * @throws SandboxNotFoundException if there is no such sandbox
	 */
	Sandbox get(String id);

	/**
	 * List every sandbox of the account.
	 * @return the sandboxes
	 */
	List<SandboxInfo> list();

	/**
	 * List the sandboxes with the given name.
	 * @param name the sandbox name
	 * @return the matching sandboxes
	 */
	List<SandboxInfo> listByName(String name);

	/**
	 * Delete a sandbox by id; a sandbox already gone counts as deleted.
	 * @param id the sandbox id
	 */
	void delete(String id);

	/**
	 * Create a sandbox, run the callback with it and always delete the sandbox afterwards,
	 * whether the callback returns or throws.
	 * @param <T> the result type
	 * @param spec what to create
	 * @param callback the work to do with the sandbox
	 * @return the callback's result
	 */
	<T> T execute(SandboxSpec spec, SandboxCallback<T> callback);

}

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
 * Blocking implementation of {@link SandboxOperations}: the {@link ReactiveSandboxTemplate}
 * waited for, each call within its deadline. Thread-safe; create one per application with
 * {@link #builder()}.
 *
 * @since 0.1.0
 */
public class SandboxTemplate implements SandboxOperations {

	private final ReactiveSandboxTemplate reactive;

	/**
	 * Create a template over a reactive one, sharing its connections and settings.
	 * @param reactive the reactive template
	 */
	public SandboxTemplate(ReactiveSandboxTemplate reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create a builder.
	 * @return a new builder
	 */
	public static SandboxTemplateBuilder builder() {
		return new SandboxTemplateBuilder();
	}

	/**
	 * Return the reactive template this one waits for.
	 * @return the reactive template
	 */
	public ReactiveSandboxTemplate reactive() {
		return this.reactive;
	}

	@Override
	public Sandbox create(SandboxSpec spec) {
		return new BlockingSandbox(Blocking.get(this.reactive.create(spec), "create"));
	}

	@Override
	public Sandbox get(String id) {
		return new BlockingSandbox(Blocking.get(this.reactive.get(id), "get"));
	}

	@Override
	public List<SandboxInfo> list() {
		return Blocking.get(this.reactive.list().collectList(), "list");
	}

	@Override
	public List<SandboxInfo> listByName(String name) {
		return Blocking.get(this.reactive.listByName(name).collectList(), "list");
	}

	@Override
	public void delete(String id) {
		Blocking.run(this.reactive.delete(id));
	}

	@Override
	public <T> T execute(SandboxSpec spec, SandboxCallback<T> callback) {
		Sandbox sandbox = create(spec);
		T result;
		try {
			result = callback.doInSandbox(sandbox);
		}
		catch (Exception ex) {
			RuntimeException failure = (ex instanceof RuntimeException runtime) ? runtime
					: new SandboxException("Sandbox callback failed: " + ex, ex);
			deleteAfterFailure(sandbox, failure);
			throw failure;
		}
		catch (Error error) {
			deleteAfterFailure(sandbox, error);
			throw error;
		}
		sandbox.delete();
		return result;
	}

	private static void deleteAfterFailure(Sandbox sandbox, Throwable failure) {
		try {
			sandbox.delete();
		}
		catch (RuntimeException deleteFailure) {
			failure.addSuppressed(deleteFailure);
		}
	}

	@Override
	public String toString() {
		return "SandboxTemplate[" + this.reactive + "]";
	}

}

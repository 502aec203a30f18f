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

package dev.sandboxes.koyeb.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of a {@link SandboxObservationDocumentation#SANDBOX_OPERATION} observation.
 *
 * @since 0.1.0
 */
public class SandboxObservationContext extends Observation.Context {

	private final String operation;

	private @Nullable String sandboxId;

	private boolean cancelled;

	/**
	 * Create a context.
	 * @param operation the operation name
	 * @param sandboxId the sandbox id, if known yet
	 */
	public SandboxObservationContext(String operation, @Nullable String sandboxId) {
		this.operation = operation;
		this.sandboxId = sandboxId;
	}

	/**
	 * Return the operation name.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the id of the sandbox the operation is about.
	 * @return the sandbox id, or {@code null} before one exists
	 */
	public @Nullable String getSandboxId() {
		return this.sandboxId;
	}

	/**
	 * Set the sandbox id once it is known, for example when creation completes.
	 * @param sandboxId the sandbox id
	 */
	public void setSandboxId(@Nullable String sandboxId) {
		this.sandboxId = sandboxId;
	}

	/**
	 * Return whether the caller cancelled the operation before it completed.
	 * @return whether cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Mark the operation as cancelled by the caller.
	 */
	public void markCancelled() {
		this.cancelled = true;
	}

}

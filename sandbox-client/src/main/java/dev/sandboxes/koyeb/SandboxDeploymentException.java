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

/**
 * Thrown when a sandbox's deployment or service reaches a status from which it will not
 * become ready (for example {@code ERROR}).
 *
 * @since 0.1.0
 */
public class SandboxDeploymentException extends SandboxException {

	private static final long serialVersionUID = 1L;

	/** The id of the sandbox whose deployment failed. */
	private final String sandboxId;

	/** The terminal status, as Koyeb spells it. */
	private final String status;

	/**
	 * Create an exception for a sandbox that will not become ready.
	 * @param sandboxId the id of the sandbox
	 * @param status the terminal status that was reported
	 * @param message what happened
	 */
	public SandboxDeploymentException(String sandboxId, String status, String message) {
		super(message);
		this.sandboxId = sandboxId;
		this.status = status;
	}

	/**
	 * Return the id of the sandbox whose deployment failed.
	 * @return the sandbox (service) id
	 */
	public String getSandboxId() {
		return this.sandboxId;
	}

	/**
	 * Return the terminal status that was reported, as Koyeb spells it.
	 * @return the status
	 */
	public String getStatus() {
		return this.status;
	}

}

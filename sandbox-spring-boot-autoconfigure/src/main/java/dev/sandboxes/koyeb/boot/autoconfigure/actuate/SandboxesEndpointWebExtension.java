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
package dev.sandboxes.koyeb.boot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link SandboxesEndpoint}:
 * answers a deletion with {@code 204 No Content} when the owner's sandbox was deleted, and
 * with {@code 404 Not Found} when the owner has no sandbox of that id, which includes a
 * sandbox of another owner.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = SandboxesEndpoint.class)
public final class SandboxesEndpointWebExtension {

	private final SandboxesEndpoint delegate;

	/**
	 * Create a web extension.
	 * @param delegate the endpoint to delegate to
	 */
	public SandboxesEndpointWebExtension(SandboxesEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Delete one of the owner's sandboxes. A sandbox of another owner is left alone.
	 * @param id the sandbox id
	 * @return a response with status {@code 204} if the sandbox was deleted, {@code 404} if
	 * the owner has no sandbox of that id
	 */
	@DeleteOperation
	public WebEndpointResponse<Void> deleteSandbox(@Selector String id) {
		boolean deleted = this.delegate.deleteSandbox(id);
		return new WebEndpointResponse<>(
				deleted ? WebEndpointResponse.STATUS_NO_CONTENT : WebEndpointResponse.STATUS_NOT_FOUND);
	}

}

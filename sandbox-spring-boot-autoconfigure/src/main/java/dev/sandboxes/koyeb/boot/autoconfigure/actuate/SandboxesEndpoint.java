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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandbox;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that lists the sandboxes of this application's owner and
 * deletes one of them. It only ever sees and touches the owner's sandboxes, told apart by
 * name: another owner's sandbox is neither listed, nor read, nor deleted. A sandbox is
 * described without any secret: no API token, no executor secret, no environment.
 *
 * @since 0.1.0
 * @see SandboxesEndpointWebExtension
 */
@Endpoint(id = "sandboxes")
public final class SandboxesEndpoint {

	private final OwnedSandboxes sandboxes;

	/**
	 * Create an endpoint.
	 * @param sandboxes the application's sandboxes
	 */
	public SandboxesEndpoint(OwnedSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	/**
	 * List the owner's sandboxes, oldest first.
	 * @return the owner and its sandboxes
	 */
	@ReadOperation
	public SandboxesDescriptor sandboxes() {
		List<SandboxDescriptor> sandboxes = this.sandboxes.list().stream().map(SandboxDescriptor::of).toList();
		return new SandboxesDescriptor(this.sandboxes.inventory().owner().tag(), sandboxes);
	}

	/**
	 * Describe one of the owner's sandboxes.
	 * @param id the sandbox id
	 * @return the sandbox, or {@code null} if the owner has no sandbox of that id
	 */
	@ReadOperation
	public @Nullable SandboxDescriptor sandbox(@Selector String id) {
		return this.sandboxes.list()
			.stream()
			.filter((sandbox) -> sandbox.id().equals(id))
			.findFirst()
			.map(SandboxDescriptor::of)
			.orElse(null);
	}

	/**
	 * Delete one of the owner's sandboxes. A sandbox of another owner is left alone.
	 * @param id the sandbox id
	 * @return whether the owner had a sandbox of that id, now deleted
	 */
	@DeleteOperation
	public boolean deleteSandbox(@Selector String id) {
		return this.sandboxes.deleteIfOwned(id);
	}

	/**
	 * Description of the sandboxes of an owner.
	 *
	 * @param owner the owner's tag, which starts the name of each of its sandboxes
	 * @param sandboxes the owner's sandboxes, oldest first
	 * @since 0.1.0
	 */
	public record SandboxesDescriptor(String owner,
			List<SandboxDescriptor> sandboxes) implements OperationResponseBody {

	}

	/**
	 * Description of one sandbox. Durations are written in ISO-8601 ({@code PT59M30S});
	 * what is unknown is left out.
	 *
	 * @param id the sandbox id
	 * @param name the sandbox name, starting with the owner's tag
	 * @param status the Koyeb service status, such as {@code HEALTHY} or {@code SLEEPING}
	 * @param createdAt when the sandbox was created, if known
	 * @param age how long ago it was created, if known
	 * @param idle how long ago this application instance last used it, or {@code null} if
	 * it has not
	 * @param remainingLifetime how long until Koyeb deletes it, or {@code null} if it has
	 * no deletion delay
	 * @param createdHere whether this application instance created it
	 * @since 0.1.0
	 */
	public record SandboxDescriptor(String id, String name, String status, @Nullable Instant createdAt,
			@Nullable Duration age, @Nullable Duration idle, @Nullable Duration remainingLifetime,
			boolean createdHere) implements OperationResponseBody {

		static SandboxDescriptor of(OwnedSandbox sandbox) {
			return new SandboxDescriptor(sandbox.id(), sandbox.name(), sandbox.status(), sandbox.createdAt(),
					sandbox.age(), sandbox.idle(), sandbox.remainingLifetime(), sandbox.createdHere());
		}

	}

}

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
package dev.sandboxes.koyeb.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.sandboxes.koyeb.ReactiveSandboxOperations;
import dev.sandboxes.koyeb.SandboxInfo;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * This application's sandboxes: lists them (only the owner's, told apart by name, without
 * reading any deployment) and deletes them with a reason, never touching another owner's.
 * Blocking; meant for the reaper, health checks and the actuator endpoint.
 *
 * @since 0.1.0
 */
public final class OwnedSandboxes {

	private static final Set<String> GONE_STATUSES = Set.of("DELETING", "DELETED");

	private final ReactiveSandboxOperations operations;

	private final SandboxInventory inventory;

	private final Duration timeout;

	/**
	 * Create an instance.
	 * @param operations the operations to list and delete with
	 * @param inventory the inventory to keep current
	 * @param timeout the longest wait for a list or a deletion
	 */
	public OwnedSandboxes(ReactiveSandboxOperations operations, SandboxInventory inventory, Duration timeout) {
		this.operations = operations;
		this.inventory = inventory;
		this.timeout = timeout;
	}

	/**
	 * Return the inventory kept current by this instance.
	 * @return the inventory
	 */
	public SandboxInventory inventory() {
		return this.inventory;
	}

	/**
	 * List the owner's sandboxes that exist (not being deleted), refreshing the inventory.
	 * @return the sandboxes, oldest first
	 */
	public List<OwnedSandbox> list() {
		Instant listedAt = this.inventory.clock().instant();
		List<SandboxInfo> owned = await("list sandboxes", this.operations.list()
			.filter((info) -> this.inventory.owner().owns(info) && !GONE_STATUSES.contains(info.status()))
			.collectList());
		owned = (owned != null) ? owned : List.of();
		this.inventory.refresh(listedAt, owned);
		Instant now = this.inventory.clock().instant();
		Set<String> createdHere = this.inventory.createdHere();
		return owned.stream()
			.map((info) -> describe(info, now, createdHere.contains(info.id())))
			.sorted((a, b) -> compareCreation(a.createdAt(), b.createdAt()))
			.toList();
	}

	private OwnedSandbox describe(SandboxInfo info, Instant now, boolean createdHere) {
		Instant createdAt = info.createdAt();
		Duration age = (createdAt != null) ? nonNegative(Duration.between(createdAt, now)) : null;
		Instant lastUse = this.inventory.lastUse(info.id());
		Duration idle = (lastUse != null) ? nonNegative(Duration.between(lastUse, now)) : null;
		Duration deleteAfter = info.lifecycle().deleteAfter();
		Duration remaining = (age != null && deleteAfter != null && !deleteAfter.isZero())
				? nonNegative(deleteAfter.minus(age)) : null;
		return new OwnedSandbox(info.id(), info.name(), info.status(), createdAt, age, idle, remaining, createdHere);
	}

	private static Duration nonNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

	private static int compareCreation(@Nullable Instant a, @Nullable Instant b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : 1) : -1;
		}
		return a.compareTo(b);
	}

	/**
	 * Delete one of the owner's sandboxes. A sandbox already gone counts as deleted.
	 * @param id the sandbox id
	 * @param reason why it is deleted
	 */
	public void delete(String id, DeletionReason reason) {
		this.inventory.deleting(id, reason);
		try {
			await("delete sandbox " + id, this.operations.delete(id));
		}
		catch (RuntimeException ex) {
			this.inventory.deletionFailed(id);
			throw ex;
		}
	}

	private <T> @Nullable T await(String operation, Mono<T> mono) {
		return mono.timeout(this.timeout)
			.onErrorMap(TimeoutException.class, (ex) -> new SandboxTimeoutException(operation, this.timeout, ex))
			.block();
	}

	/**
	 * Delete a sandbox if, and only if, it belongs to the owner.
	 * @param id the sandbox id
	 * @return whether an owned sandbox of that id existed and was deleted
	 */
	public boolean deleteIfOwned(String id) {
		boolean owned = list().stream().anyMatch((sandbox) -> sandbox.id().equals(id));
		if (owned) {
			delete(id, DeletionReason.EXPLICIT);
		}
		return owned;
	}

	@Override
	public String toString() {
		return "OwnedSandboxes[owner=" + this.inventory.owner().tag() + "]";
	}

}

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
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.sandboxes.koyeb.ReactiveSandboxOperations;
import dev.sandboxes.koyeb.SandboxInfo;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This application's sandboxes: lists them (only the owner's, told apart by name, without
 * reading any deployment) and deletes them with a reason, never touching another owner's.
 * Blocking; meant for the reaper, health checks and the actuator endpoint.
 *
 * @since 0.1.0
 */
public final class OwnedSandboxes {

	private static final Logger logger = LoggerFactory.getLogger(OwnedSandboxes.class);

	private static final Set<String> GONE_STATUSES = Set.of("DELETING", "DELETED");

	/**
	 * How many request timeouts a whole list may take: it can span several pages.
	 */
	private static final int LIST_TIMEOUTS = 4;

	private static final int DELETE_CONCURRENCY = 8;

	private final ReactiveSandboxOperations operations;

	private final SandboxInventory inventory;

	private final Duration requestTimeout;

	/**
	 * Create an instance.
	 * @param operations the operations to list and delete with
	 * @param inventory the inventory to keep current
	 * @param requestTimeout the longest wait for one request
	 */
	public OwnedSandboxes(ReactiveSandboxOperations operations, SandboxInventory inventory, Duration requestTimeout) {
		this.operations = operations;
		this.inventory = inventory;
		this.requestTimeout = requestTimeout;
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
			.collectList(), this.requestTimeout.multipliedBy(LIST_TIMEOUTS));
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
		Duration idle = this.inventory.idleTime(info.id());
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
			await("delete sandbox " + id, this.operations.delete(id), this.requestTimeout);
		}
		catch (RuntimeException ex) {
			this.inventory.deletionFailed(id);
			throw ex;
		}
	}

	/**
	 * Check that the endpoint answers and accepts the API token, with one request for the
	 * first page of sandboxes.
	 */
	public void probe() {
		await("probe the endpoint", this.operations.list().take(1).then(), this.requestTimeout);
	}

	/**
	 * Delete sandboxes of the owner, several at a time, within a deadline. Failures are
	 * logged, not thrown.
	 * @param ids the sandbox ids
	 * @param reason why they are deleted
	 * @param deadline the longest time to spend
	 * @return how many were deleted
	 */
	public int deleteAll(Collection<String> ids, DeletionReason reason, Duration deadline) {
		Integer deleted = Flux.fromIterable(ids)
			.flatMap((id) -> deleteQuietly(id, reason), DELETE_CONCURRENCY)
			.reduce(0, Integer::sum)
			.timeout(deadline, Mono.fromRunnable(() -> logger.warn(
					"Gave up deleting sandboxes after {}; Koyeb's lifecycle rules will delete the rest", deadline)))
			.block();
		return (deleted != null) ? deleted : 0;
	}

	private Mono<Integer> deleteQuietly(String id, DeletionReason reason) {
		return Mono.defer(() -> {
			this.inventory.deleting(id, reason);
			return this.operations.delete(id).thenReturn(1);
		}).onErrorResume((ex) -> {
			this.inventory.deletionFailed(id);
			logger.warn("Could not delete sandbox {} ({}): {}", id, reason.tag(), ex.getMessage());
			return Mono.just(0);
		});
	}

	private <T> @Nullable T await(String operation, Mono<T> mono, Duration timeout) {
		return mono.timeout(timeout)
			.onErrorMap(TimeoutException.class, (ex) -> new SandboxTimeoutException(operation, timeout, ex))
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

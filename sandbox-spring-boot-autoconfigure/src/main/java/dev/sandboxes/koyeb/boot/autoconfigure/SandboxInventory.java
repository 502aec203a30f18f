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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.SandboxInfo;
import dev.sandboxes.koyeb.SandboxListener;
import dev.sandboxes.koyeb.SandboxOwner;
import org.jspecify.annotations.Nullable;

/**
 * What this application instance knows of its owner's sandboxes: which exist (from the
 * latest list, kept current by the creations and deletions made here), which were created
 * here, how long each has not been used here, and how many were created and deleted, by
 * reason.
 * Fed by the template as a {@link SandboxListener}; read by the reaper, health, metrics
 * and the actuator endpoint. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SandboxInventory implements SandboxListener {

	private final SandboxOwner owner;

	private final Clock clock;

	/** Ids of the owner's sandboxes known to exist, with when that became known. */
	private final Map<String, Instant> existing = new ConcurrentHashMap<>();

	/** Ids of sandboxes created by this instance, with their creation time. */
	private final Map<String, Instant> createdHere = new ConcurrentHashMap<>();

	/** Last use by this instance of each sandbox: when an operation started or ended. */
	private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

	/** Operations of this instance running on each sandbox. */
	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	/** Sandboxes deleted here, with when, so that a list that predates a deletion does not revive them. */
	private final Map<String, Instant> deletedAt = new ConcurrentHashMap<>();

	private final Map<String, DeletionReason> pendingReasons = new ConcurrentHashMap<>();

	private final LongAdder created = new LongAdder();

	private final Map<DeletionReason, LongAdder> deleted = new ConcurrentHashMap<>();

	/**
	 * Create an inventory.
	 * @param owner the owner whose sandboxes are counted
	 * @param clock the clock of the endpoint's time
	 */
	public SandboxInventory(SandboxOwner owner, Clock clock) {
		this.owner = owner;
		this.clock = clock;
	}

	/**
	 * Return the owner whose sandboxes are tracked.
	 * @return the owner
	 */
	public SandboxOwner owner() {
		return this.owner;
	}

	/**
	 * Return the clock that ages and idle times are measured with.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	@Override
	public void created(String id, String name) {
		Instant now = this.clock.instant();
		this.created.increment();
		this.lastUse.put(id, now);
		if (this.owner.owns(name)) {
			this.existing.put(id, now);
			this.createdHere.put(id, now);
		}
	}

	@Override
	public void operationStarted(String id) {
		this.inFlight.merge(id, 1, Integer::sum);
		this.lastUse.put(id, this.clock.instant());
	}

	@Override
	public void operationFinished(String id) {
		this.inFlight.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null);
		this.lastUse.put(id, this.clock.instant());
	}

	@Override
	public void deleted(String id) {
		DeletionReason reason = this.pendingReasons.remove(id);
		deletions((reason != null) ? reason : DeletionReason.EXPLICIT).increment();
		this.deletedAt.put(id, this.clock.instant());
		forget(id);
	}

	/**
	 * Record why a sandbox is about to be deleted, so that its deletion is counted under
	 * that reason.
	 * @param id the sandbox id
	 * @param reason the reason
	 */
	public void deleting(String id, DeletionReason reason) {
		this.pendingReasons.put(id, reason);
	}

	/**
	 * Forget the reason recorded for a deletion that failed.
	 * @param id the sandbox id
	 */
	public void deletionFailed(String id) {
		this.pendingReasons.remove(id);
	}

	/**
	 * Replace what is known of the owner's sandboxes with a fresh list. Entries recorded
	 * after the list was requested are kept, and sandboxes deleted since are not revived:
	 * the list may predate both.
	 * @param listedAt when the list was requested
	 * @param owned the owner's sandboxes, as listed
	 */
	public void refresh(Instant listedAt, Collection<SandboxInfo> owned) {
		Set<String> ids = owned.stream()
			.map(SandboxInfo::id)
			.filter((id) -> !this.deletedAt.containsKey(id))
			.collect(Collectors.toSet());
		for (String id : ids) {
			this.existing.putIfAbsent(id, listedAt);
		}
		Predicate<Map.Entry<String, Instant>> gone = (entry) -> !ids.contains(entry.getKey())
				&& entry.getValue().isBefore(listedAt);
		this.existing.entrySet().removeIf(gone);
		this.createdHere.entrySet().removeIf(gone);
		this.lastUse.entrySet().removeIf(gone);
		this.deletedAt.values().removeIf((deletion) -> deletion.isBefore(listedAt));
	}

	private void forget(String id) {
		this.existing.remove(id);
		this.createdHere.remove(id);
		this.lastUse.remove(id);
		this.inFlight.remove(id);
	}

	/**
	 * Return how many of the owner's sandboxes exist, as far as this instance knows.
	 * @return the count
	 */
	public int activeCount() {
		return this.existing.size();
	}

	/**
	 * Return the ids of the sandboxes this instance created that still exist.
	 * @return the ids
	 */
	public Set<String> createdHere() {
		return Set.copyOf(this.createdHere.keySet());
	}

	/**
	 * Return how long this instance has not used a sandbox: zero while one of its
	 * operations runs.
	 * @param id the sandbox id
	 * @return the idle time, or {@code null} if this instance has not used it
	 */
	public @Nullable Duration idleTime(String id) {
		if (this.inFlight.containsKey(id)) {
			return Duration.ZERO;
		}
		Instant lastUse = this.lastUse.get(id);
		if (lastUse == null) {
			return null;
		}
		Duration idle = Duration.between(lastUse, this.clock.instant());
		return idle.isNegative() ? Duration.ZERO : idle;
	}

	/**
	 * Return how many sandboxes this instance created.
	 * @return the count
	 */
	public long createdCount() {
		return this.created.sum();
	}

	/**
	 * Return how many sandboxes this instance deleted for a reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long deletedCount(DeletionReason reason) {
		return deletions(reason).sum();
	}

	private LongAdder deletions(DeletionReason reason) {
		return this.deleted.computeIfAbsent(reason, (key) -> new LongAdder());
	}

	@Override
	public String toString() {
		return "SandboxInventory[owner=" + this.owner.tag() + ", active=" + activeCount() + "]";
	}

}

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
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.SandboxInfo;
import dev.sandboxes.koyeb.SandboxListener;
import dev.sandboxes.koyeb.SandboxOwner;
import org.jspecify.annotations.Nullable;

/**
 * What this application instance knows of its owner's sandboxes: which exist (from the
 * latest list, kept current by the creations and deletions made here), which were created
 * here, when each was last used here, and how many were created and deleted, by reason.
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

	/** Last use by this instance of each sandbox. */
	private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

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
	public void used(String id) {
		this.lastUse.put(id, this.clock.instant());
	}

	@Override
	public void deleted(String id) {
		DeletionReason reason = this.pendingReasons.remove(id);
		deletions((reason != null) ? reason : DeletionReason.EXPLICIT).increment();
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
	 * after the list was requested are kept: the list may predate them.
	 * @param listedAt when the list was requested
	 * @param owned the owner's sandboxes, as listed
	 */
	public void refresh(Instant listedAt, Collection<SandboxInfo> owned) {
		Set<String> ids = owned.stream().map(SandboxInfo::id).collect(Collectors.toSet());
		for (String id : ids) {
			this.existing.putIfAbsent(id, listedAt);
		}
		this.existing.entrySet().removeIf((entry) -> !ids.contains(entry.getKey()) && entry.getValue().isBefore(listedAt));
		this.createdHere.entrySet()
			.removeIf((entry) -> !ids.contains(entry.getKey()) && entry.getValue().isBefore(listedAt));
		this.lastUse.entrySet().removeIf((entry) -> !ids.contains(entry.getKey()) && entry.getValue().isBefore(listedAt));
	}

	private void forget(String id) {
		this.existing.remove(id);
		this.createdHere.remove(id);
		this.lastUse.remove(id);
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
	 * Return when this instance last used a sandbox.
	 * @param id the sandbox id
	 * @return the instant, or {@code null} if this instance has not used it
	 */
	public @Nullable Instant lastUse(String id) {
		return this.lastUse.get(id);
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

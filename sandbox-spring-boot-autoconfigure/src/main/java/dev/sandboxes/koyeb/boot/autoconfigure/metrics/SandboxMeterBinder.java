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
package dev.sandboxes.koyeb.boot.autoconfigure.metrics;

import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxInventory;
import dev.sandboxes.koyeb.boot.autoconfigure.reaper.SandboxReaper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * {@link MeterBinder} of an application's sandboxes, read from its
 * {@link SandboxInventory}: how many exist, how many this instance created and deleted, by
 * reason, and how often the {@link SandboxReaper} ran and failed. Every meter is tagged
 * with the owner. The time each operation takes is not measured here: it comes from the
 * template's observations.
 *
 * @since 0.1.0
 */
public final class SandboxMeterBinder implements MeterBinder {

	/**
	 * Name of the gauge of the owner's sandboxes that exist.
	 */
	public static final String ACTIVE = "koyeb.sandbox.active";

	/**
	 * Name of the counter of sandboxes created by this instance.
	 */
	public static final String CREATED = "koyeb.sandbox.created";

	/**
	 * Name of the counters of sandboxes deleted by this instance, one per reason.
	 */
	public static final String DELETED = "koyeb.sandbox.deleted";

	/**
	 * Name of the counter of reaper runs.
	 */
	public static final String REAPER_RUNS = "koyeb.sandbox.reaper.runs";

	/**
	 * Name of the counter of reaper runs that failed to list or to delete a sandbox.
	 */
	public static final String REAPER_FAILURES = "koyeb.sandbox.reaper.failures";

	/**
	 * Tag of the owner of the sandboxes.
	 */
	public static final String OWNER_TAG = "owner";

	/**
	 * Tag of the reason of a deletion, a {@link DeletionReason#tag()}.
	 */
	public static final String REASON_TAG = "reason";

	private static final String SANDBOXES = "sandboxes";

	private static final String RUNS = "runs";

	private final SandboxInventory inventory;

	private final @Nullable SandboxReaper reaper;

	/**
	 * Create a binder.
	 * @param inventory the inventory of the application's sandboxes
	 * @param reaper the reaper, or {@code null} if none runs
	 */
	public SandboxMeterBinder(SandboxInventory inventory, @Nullable SandboxReaper reaper) {
		this.inventory = inventory;
		this.reaper = reaper;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Tags owner = Tags.of(Tag.of(OWNER_TAG, this.inventory.owner().tag()));
		Gauge.builder(ACTIVE, this.inventory, SandboxInventory::activeCount)
			.description("Sandboxes of the owner that exist, as far as this instance knows")
			.baseUnit(SANDBOXES)
			.tags(owner)
			.strongReference(true)
			.register(registry);
		FunctionCounter.builder(CREATED, this.inventory, SandboxInventory::createdCount)
			.description("Sandboxes created by this instance")
			.baseUnit(SANDBOXES)
			.tags(owner)
			.register(registry);
		for (DeletionReason reason : DeletionReason.values()) {
			FunctionCounter.builder(DELETED, this.inventory, (inventory) -> inventory.deletedCount(reason))
				.description("Sandboxes deleted by this instance, by reason")
				.baseUnit(SANDBOXES)
				.tags(owner)
				.tag(REASON_TAG, reason.tag())
				.register(registry);
		}
		SandboxReaper reaper = this.reaper;
		if (reaper != null) {
			FunctionCounter.builder(REAPER_RUNS, reaper, SandboxReaper::runs)
				.description("Runs of the sandbox reaper")
				.baseUnit(RUNS)
				.tags(owner)
				.register(registry);
			FunctionCounter.builder(REAPER_FAILURES, reaper, SandboxReaper::failures)
				.description("Runs of the sandbox reaper that failed to list sandboxes or to delete one of them")
				.baseUnit(RUNS)
				.tags(owner)
				.register(registry);
		}
	}

}

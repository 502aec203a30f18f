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
package dev.sandboxes.koyeb.boot.autoconfigure.reaper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandbox;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes this application's sandboxes that are older than a maximum age, and those this
 * instance created and has not used for longer than a maximum idle time (a sandbox is
 * never idle while one of this instance's operations runs on it; uses by other instances
 * are not seen, so their sandboxes are left to the age limit). Runs at a fixed interval on
 * its own thread, from the start of the application context to its close, and each run
 * also refreshes the {@code SandboxInventory}; a failing run is logged and counted, and the
 * next one catches up. Several instances sharing an owner may reap together: a sandbox
 * another instance deleted first counts as deleted.
 *
 * @since 0.1.0
 */
public final class SandboxReaper implements SmartLifecycle {

	/**
	 * Phase of the reaper: it stops after the web server, so that no request creates a
	 * sandbox behind it, and before the HTTP client's resources are released.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(SandboxReaper.class);

	private final OwnedSandboxes sandboxes;

	private final Duration interval;

	private final @Nullable Duration maxAge;

	private final @Nullable Duration maxIdle;

	private final AtomicLong runs = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable ScheduledFuture<?> scheduledRuns;

	/**
	 * Create a reaper.
	 * @param sandboxes the application's sandboxes
	 * @param interval the time between two runs
	 * @param maxAge the age past which a sandbox is deleted, or {@code null} for none
	 * @param maxIdle the time without use past which a sandbox this instance created is
	 * deleted, or {@code null} for none
	 */
	public SandboxReaper(OwnedSandboxes sandboxes, Duration interval, @Nullable Duration maxAge,
			@Nullable Duration maxIdle) {
		this.sandboxes = sandboxes;
		this.interval = interval;
		this.maxAge = maxAge;
		this.maxIdle = maxIdle;
	}

	/**
	 * List the application's sandboxes and delete those past a limit. Deletions that fail
	 * are logged and counted; the others go on.
	 * @return what the run did
	 */
	public ReaperRun reap() {
		this.runs.incrementAndGet();
		List<OwnedSandbox> owned;
		try {
			owned = this.sandboxes.list();
		}
		catch (RuntimeException ex) {
			this.failures.incrementAndGet();
			logger.warn("Sandbox reaper could not list sandboxes of owner '{}': {}",
					this.sandboxes.inventory().owner().tag(), ex.getMessage());
			return new ReaperRun(0, List.of(), List.of());
		}
		List<String> deleted = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (OwnedSandbox sandbox : owned) {
			DeletionReason reason = reasonToDelete(sandbox);
			if (reason == null) {
				continue;
			}
			try {
				this.sandboxes.delete(sandbox.id(), reason);
				deleted.add(sandbox.id());
				logger.info("Sandbox reaper deleted sandbox {} ('{}', age {} s, idle {} s): {}", sandbox.id(), sandbox.name(),
						seconds(sandbox.age()), seconds(sandbox.idle()), reason.tag());
			}
			catch (RuntimeException ex) {
				failed.add(sandbox.id());
				logger.warn("Sandbox reaper could not delete sandbox {} ('{}'): {}", sandbox.id(), sandbox.name(),
						ex.getMessage());
			}
		}
		if (!failed.isEmpty()) {
			this.failures.incrementAndGet();
		}
		return new ReaperRun(owned.size(), List.copyOf(deleted), List.copyOf(failed));
	}

	private @Nullable DeletionReason reasonToDelete(OwnedSandbox sandbox) {
		Duration age = sandbox.age();
		if (this.maxAge != null && age != null && age.compareTo(this.maxAge) > 0) {
			return DeletionReason.MAX_AGE;
		}
		Duration idle = sandbox.idle();
		if (this.maxIdle != null && sandbox.createdHere() && idle != null && idle.compareTo(this.maxIdle) > 0) {
			return DeletionReason.IDLE;
		}
		return null;
	}

	private static @Nullable Long seconds(@Nullable Duration duration) {
		return (duration != null) ? duration.toSeconds() : null;
	}

	/**
	 * Return how many runs started.
	 * @return the count
	 */
	public long runs() {
		return this.runs.get();
	}

	/**
	 * Return how many runs failed to list sandboxes or to delete one of them.
	 * @return the count
	 */
	public long failures() {
		return this.failures.get();
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "koyeb-sandbox-reaper");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.scheduledRuns = executor.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
		logger.debug("Sandbox reaper started: every {}, max age {}, max idle {}", this.interval, this.maxAge,
				this.maxIdle);
	}

	private void runQuietly() {
		try {
			reap();
		}
		catch (RuntimeException ex) {
			logger.warn("Sandbox reaper run failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor == null) {
			return;
		}
		this.scheduler = null;
		ScheduledFuture<?> runs = this.scheduledRuns;
		if (runs != null) {
			runs.cancel(true);
		}
		executor.shutdownNow();
		try {
			if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
				logger.warn("Sandbox reaper did not stop within 10 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * What one run of the reaper did.
	 *
	 * @param listed how many of the owner's sandboxes were listed (none when the list failed,
	 * which {@link SandboxReaper#failures()} counts)
	 * @param deleted the ids of the sandboxes deleted
	 * @param failed the ids of the sandboxes that could not be deleted
	 */
	public record ReaperRun(int listed, List<String> deleted, List<String> failed) {

	}

}

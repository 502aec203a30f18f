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
import java.util.Set;

import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes the sandboxes this application instance created, and that still exist, when the
 * application context closes, several at a time and within a deadline; sandboxes of other
 * instances of the same owner are left alone. A sandbox whose creation is still waiting
 * for readiness is deleted too. The deletion runs when the bean is destroyed, after every
 * lifecycle stopped and before the client it uses is closed, whether or not the context was
 * stopped first; stopping the context without closing it (for example for a checkpoint)
 * deletes nothing, and neither does the closing of a child context.
 *
 * @since 0.1.0
 */
public final class SandboxShutdownCleanup implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SandboxShutdownCleanup.class);

	private final OwnedSandboxes sandboxes;

	private final Duration deadline;

	private volatile boolean running;

	/**
	 * Create an instance.
	 * @param sandboxes the application's sandboxes
	 * @param deadline the longest time the deletions may take
	 */
	public SandboxShutdownCleanup(OwnedSandboxes sandboxes, Duration deadline) {
		this.sandboxes = sandboxes;
		this.deadline = deadline;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public void destroy() {
		Set<String> ids = this.sandboxes.inventory().createdHere();
		if (!ids.isEmpty()) {
			int deleted = this.sandboxes.deleteAll(ids, DeletionReason.SHUTDOWN, this.deadline);
			logger.info("Deleted {} of the {} sandboxes this instance created, at shutdown", deleted, ids.size());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SandboxReaper.PHASE;
	}

}

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

import java.util.Set;

import dev.sandboxes.koyeb.boot.autoconfigure.DeletionReason;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes the sandboxes this application instance created, and that still exist, when the
 * application context closes; sandboxes of other instances of the same owner are left
 * alone.
 *
 * @since 0.1.0
 */
public final class SandboxShutdownCleanup implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SandboxShutdownCleanup.class);

	private final OwnedSandboxes sandboxes;

	private volatile boolean running;

	/**
	 * Create an instance.
	 * @param sandboxes the application's sandboxes
	 */
	public SandboxShutdownCleanup(OwnedSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		Set<String> ids = this.sandboxes.inventory().createdHere();
		int deleted = 0;
		for (String id : ids) {
			try {
				this.sandboxes.delete(id, DeletionReason.SHUTDOWN);
				deleted++;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not delete sandbox {} at shutdown; Koyeb's lifecycle rules will: {}", id,
						ex.getMessage());
			}
		}
		if (!ids.isEmpty()) {
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

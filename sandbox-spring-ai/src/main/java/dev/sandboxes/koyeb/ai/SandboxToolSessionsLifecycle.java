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

package dev.sandboxes.koyeb.ai;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs {@link SandboxToolSessions} with the application context: while it runs, ends the
 * conversations idle for longer than their idle time, checking on its own thread four
 * times per idle time (at most every minute); when the context closes, ends every
 * conversation, deleting its sandbox: on destruction of the bean, before the client it
 * uses is closed, whether or not the context was stopped first. Stopping the context
 * without closing it deletes nothing, and neither does the closing of a child context.
 *
 * @since 0.1.0
 */
public final class SandboxToolSessionsLifecycle implements SmartLifecycle, DisposableBean {

	/**
	 * Phase of the lifecycle: the idle checks stop after the web server, so that no request
	 * starts a conversation behind them, and before the starter's reaper.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

	private static final Logger logger = LoggerFactory.getLogger(SandboxToolSessionsLifecycle.class);

	private final SandboxToolSessions sessions;

	private final Duration checkInterval;

	private volatile @Nullable ThreadPoolTaskScheduler scheduler;

	private volatile @Nullable ScheduledFuture<?> scheduledChecks;

	/**
	 * Create the lifecycle of the given sessions.
	 * @param sessions the sessions
	 */
	public SandboxToolSessionsLifecycle(SandboxToolSessions sessions) {
		this.sessions = sessions;
		this.checkInterval = sessions.checkInterval();
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("koyeb-sandbox-ai-idle-");
		scheduler.setDaemon(true);
		scheduler.setAwaitTerminationSeconds(10);
		scheduler.initialize();
		this.scheduledChecks = scheduler.scheduleWithFixedDelay(this::endIdleQuietly, this.checkInterval);
		this.scheduler = scheduler;
	}

	private void endIdleQuietly() {
		try {
			int ended = this.sessions.endIdle();
			if (ended > 0) {
				logger.debug("Deleted the sandboxes of {} conversations idle for more than {}", ended,
						this.sessions.idleTime());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not end idle conversations", ex);
		}
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler scheduler = this.scheduler;
		this.scheduler = null;
		ScheduledFuture<?> checks = this.scheduledChecks;
		if (checks != null) {
			checks.cancel(false);
		}
		if (scheduler != null) {
			scheduler.shutdown();
		}
	}

	@Override
	public void destroy() {
		int ended = this.sessions.endAll();
		if (ended > 0) {
			logger.info("Deleted the sandboxes of {} AI conversations at shutdown", ended);
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

}

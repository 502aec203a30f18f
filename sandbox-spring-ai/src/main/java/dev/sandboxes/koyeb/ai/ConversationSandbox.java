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
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.sandboxes.koyeb.Sandbox;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox of one conversation: created by the first call that needs it, while later
 * calls wait for it, then shared by every call until the conversation ends. Ending it
 * waits for a creation under way, so that no sandbox is created after its conversation
 * ended. Thread-safe.
 */
final class ConversationSandbox {

	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable Sandbox sandbox;

	private boolean ended;

	private int callsInProgress;

	private Instant lastUse;

	ConversationSandbox(Instant now) {
		this.lastUse = now;
	}

	/**
	 * Start a call: return the sandbox, created first if the conversation has none yet. A
	 * conversation unused for longer than the idle time has ended even if no idle check
	 * ended it yet, since its sandbox may have gone to sleep and lost its files: it is ended
	 * now and reported lost.
	 * @param creator creates the sandbox; what it throws leaves the conversation without one
	 * @param now the time of the call
	 * @param idleTime how long a conversation may go unused
	 * @param deleter deletes the sandbox of a conversation found idle
	 * @return the sandbox, or {@code null} if the conversation has ended
	 * @throws SandboxLostException if the conversation was idle for longer than the idle
	 * time
	 */
	@Nullable Sandbox acquire(Supplier<Sandbox> creator, Instant now, Duration idleTime, Consumer<Sandbox> deleter) {
		this.lock.lock();
		try {
			if (this.ended) {
				return null;
			}
			Sandbox sandbox = this.sandbox;
			if (sandbox != null && isIdle(now, idleTime)) {
				endLocked(deleter);
				throw new SandboxLostException();
			}
			if (sandbox == null) {
				sandbox = creator.get();
				this.sandbox = sandbox;
			}
			this.callsInProgress++;
			this.lastUse = now;
			return sandbox;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * End a call that {@link #acquire} started.
	 * @param now the time the call ended
	 */
	void release(Instant now) {
		this.lock.lock();
		try {
			this.callsInProgress--;
			this.lastUse = now;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * End the conversation, after any creation under way, and delete its sandbox.
	 * @param deleter deletes the sandbox, if one was created
	 * @return whether this call ended it (it was not ended before)
	 */
	boolean end(Consumer<Sandbox> deleter) {
		this.lock.lock();
		try {
			return endLocked(deleter);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * End the conversation if no call has used it for longer than the idle time, unless a
	 * call is in progress or its sandbox is being created.
	 * @param now the current time
	 * @param idleTime how long a conversation may go unused
	 * @param deleter deletes the sandbox, if one was created
	 * @return whether this call ended it
	 */
	boolean endIfIdle(Instant now, Duration idleTime, Consumer<Sandbox> deleter) {
		if (!this.lock.tryLock()) {
			return false;
		}
		try {
			return isIdle(now, idleTime) && endLocked(deleter);
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean isIdle(Instant now, Duration idleTime) {
		return this.callsInProgress == 0 && Duration.between(this.lastUse, now).compareTo(idleTime) > 0;
	}

	/**
	 * Return whether the conversation has ended.
	 * @return whether it ended
	 */
	boolean isEnded() {
		this.lock.lock();
		try {
			return this.ended;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean endLocked(Consumer<Sandbox> deleter) {
		if (this.ended) {
			return false;
		}
		this.ended = true;
		Sandbox sandbox = this.sandbox;
		this.sandbox = null;
		if (sandbox != null) {
			deleter.accept(sandbox);
		}
		return true;
	}

}

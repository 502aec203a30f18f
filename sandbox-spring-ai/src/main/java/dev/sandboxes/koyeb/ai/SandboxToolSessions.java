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

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxLimits;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The sandboxes of AI conversations, one per conversation: created on the conversation's
 * first tool call, with a working directory made ready, reused by its later calls, and
 * deleted when the conversation {@link #end ends} or has been {@link #endIdle idle} for
 * longer than the idle time. Two first calls of one conversation at the same time create
 * one sandbox. A conversation ended, or whose sandbox was lost, starts a new, empty sandbox
 * on its next call. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SandboxToolSessions {

	/**
	 * Start of the name of every conversation's sandbox; the rest is random, so that
	 * names tell nothing of the conversation.
	 */
	public static final String NAME_PREFIX = "ai-";

	private static final Logger logger = LoggerFactory.getLogger(SandboxToolSessions.class);

	/**
	 * Longest time between two checks for idle conversations.
	 */
	static final Duration LONGEST_CHECK_INTERVAL = Duration.ofMinutes(1);

	/**
	 * Time a sandbox stays awake without use past the idle time and one check interval, so
	 * that a late check still deletes it before it sleeps.
	 */
	static final Duration SLEEP_MARGIN = Duration.ofMinutes(1);

	/**
	 * Longest idle time: a sandbox must stay awake for the idle time, a check interval and a
	 * margin, within Koyeb's longest idle timeout.
	 */
	public static final Duration MAX_IDLE_TIME = SandboxLimits.IDLE_TIMEOUT_MAX.minus(LONGEST_CHECK_INTERVAL)
		.minus(SLEEP_MARGIN);

	private static final String NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SandboxOperations operations;

	private final SandboxSpec spec;

	private final String workingDirectory;

	private final Duration idleTime;

	private final Clock clock;

	private final ConcurrentMap<String, ConversationSandbox> conversations = new ConcurrentHashMap<>();

	/**
	 * Create the sessions.
	 * @param operations creates and deletes the sandboxes
	 * @param spec what each conversation's sandbox is created from; its name is replaced by
	 * {@value #NAME_PREFIX} and a random suffix, and its idle timeout by the
	 * {@link #sleepDelay() sleep delay}
	 * @param workingDirectory the absolute directory created in each sandbox, where commands
	 * run and relative paths start
	 * @param idleTime how long a conversation may go without a tool call before its sandbox
	 * is deleted, at most {@link #MAX_IDLE_TIME}
	 * @param clock the clock idle times are measured with
	 */
	public SandboxToolSessions(SandboxOperations operations, SandboxSpec spec, String workingDirectory,
			Duration idleTime, Clock clock) {
		Assert.isTrue(workingDirectory.startsWith("/"),
				() -> "'workingDirectory' must be an absolute path, not '" + workingDirectory + "'");
		Assert.isTrue(!idleTime.isNegative() && !idleTime.isZero() && idleTime.compareTo(MAX_IDLE_TIME) <= 0,
				() -> "'idleTime' must be a positive duration of at most " + MAX_IDLE_TIME + ", not " + idleTime);
		this.operations = operations;
		this.spec = spec;
		this.workingDirectory = workingDirectory;
		this.idleTime = idleTime;
		this.clock = clock;
	}

	/**
	 * Run work with the sandbox of a conversation, created first if the conversation has
	 * none.
	 * @param <T> the result type
	 * @param conversationId the conversation
	 * @param work what to do with the sandbox
	 * @return the work's result
	 * @throws SandboxLostException if the sandbox turned out to be gone, or the conversation
	 * was ended during the call; the conversation then has none, and its next call creates
	 * one
	 */
	<T> T withSandbox(String conversationId, Function<Sandbox, T> work) {
		while (true) {
			ConversationSandbox conversation = this.conversations.computeIfAbsent(conversationId,
					(id) -> new ConversationSandbox(this.clock.instant()));
			Sandbox sandbox;
			try {
				sandbox = conversation.acquire(this::create, this.clock.instant(), this.idleTime, this::deleteQuietly);
			}
			catch (SandboxLostException ex) {
				this.conversations.remove(conversationId, conversation);
				throw ex;
			}
			if (sandbox == null) {
				// Ended since it was looked up: a fresh conversation replaces it.
				this.conversations.remove(conversationId, conversation);
				continue;
			}
			try {
				T result = work.apply(sandbox);
				if (conversation.isEnded()) {
					// Ended during the call: what the call saw is the sandbox being deleted.
					throw new SandboxLostException();
				}
				return result;
			}
			catch (SandboxNotFoundException ex) {
				conversation.end(this::deleteQuietly);
				this.conversations.remove(conversationId, conversation);
				throw new SandboxLostException(ex);
			}
			catch (SandboxException ex) {
				if (conversation.isEnded()) {
					throw new SandboxLostException(ex);
				}
				throw ex;
			}
			finally {
				conversation.release(this.clock.instant());
			}
		}
	}

	private Sandbox create() {
		Sandbox sandbox = this.operations
			.create(this.spec.toBuilder().name(NAME_PREFIX + randomSuffix()).idleTimeout(sleepDelay()).build());
		try {
			sandbox.files().mkdir(this.workingDirectory);
		}
		catch (RuntimeException ex) {
			deleteQuietly(sandbox);
			throw ex;
		}
		logger.debug("Created sandbox {} for a conversation", sandbox.id());
		return sandbox;
	}

	private static String randomSuffix() {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			suffix.append(NAME_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(NAME_CHARACTERS.length())));
		}
		return suffix.toString();
	}

	/**
	 * End a conversation: delete its sandbox, after waiting for a creation under way. A
	 * later tool call of the same conversation starts a new, empty sandbox.
	 * @param conversationId the conversation
	 * @return whether the conversation had a sandbox or was creating one
	 */
	public boolean end(String conversationId) {
		ConversationSandbox conversation = this.conversations.remove(conversationId);
		return conversation != null && conversation.end(this::deleteQuietly);
	}

	/**
	 * End every conversation unused for longer than the idle time; those with a call in
	 * progress, or a sandbox being created, are not idle.
	 * @return how many conversations were ended
	 */
	public int endIdle() {
		int ended = 0;
		for (var entry : this.conversations.entrySet()) {
			ConversationSandbox conversation = entry.getValue();
			if (conversation.endIfIdle(this.clock.instant(), this.idleTime, this::deleteQuietly)) {
				this.conversations.remove(entry.getKey(), conversation);
				ended++;
			}
		}
		return ended;
	}

	/**
	 * End every conversation, deleting their sandboxes.
	 * @return how many conversations were ended
	 */
	public int endAll() {
		int ended = 0;
		for (String conversationId : conversations()) {
			if (end(conversationId)) {
				ended++;
			}
		}
		return ended;
	}

	/**
	 * Return the conversations that have a sandbox, or are creating one.
	 * @return the conversation ids
	 */
	public Set<String> conversations() {
		return Set.copyOf(this.conversations.keySet());
	}

	/**
	 * Return the directory where commands run and relative paths start.
	 * @return the absolute working directory
	 */
	public String workingDirectory() {
		return this.workingDirectory;
	}

	/**
	 * Return how long a conversation may go without a tool call before its sandbox is
	 * deleted.
	 * @return the idle time
	 */
	public Duration idleTime() {
		return this.idleTime;
	}

	/**
	 * Return how often conversations should be checked for idleness: four times per idle
	 * time, at most every {@link #LONGEST_CHECK_INTERVAL minute}.
	 * @return the check interval
	 */
	public Duration checkInterval() {
		Duration quarter = this.idleTime.dividedBy(4);
		return (quarter.compareTo(LONGEST_CHECK_INTERVAL) > 0) ? LONGEST_CHECK_INTERVAL : quarter;
	}

	/**
	 * Return the time without use after which a conversation's sandbox may go to sleep,
	 * which resets its files: the idle time, a check interval and a margin, so that the
	 * conversation ends before, within Koyeb's limits.
	 * @return the idle timeout the sandboxes are created with
	 */
	Duration sleepDelay() {
		Duration delay = this.idleTime.plus(checkInterval()).plus(SLEEP_MARGIN);
		return (delay.compareTo(SandboxLimits.IDLE_TIMEOUT_MIN) < 0) ? SandboxLimits.IDLE_TIMEOUT_MIN : delay;
	}

	private void deleteQuietly(Sandbox sandbox) {
		try {
			sandbox.delete();
			logger.debug("Deleted sandbox {} of an ended conversation", sandbox.id());
		}
		catch (SandboxNotFoundException ex) {
			logger.debug("Sandbox {} of an ended conversation was already deleted", sandbox.id());
		}
		catch (SandboxException ex) {
			logger.warn("Could not delete sandbox {} of an ended conversation: {}", sandbox.id(), ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "SandboxToolSessions[conversations=" + this.conversations.size() + ", idleTime=" + this.idleTime + "]";
	}

}

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

package dev.sandboxes.koyeb.emulator.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The output of one background process: the backlog of each stream and the live lines for
 * whoever follows them. A follower gets the backlog as it was when it subscribed, then every line
 * appended after that, without gap or repeat. Live lines wait in a small buffer per follower
 * (about the executor's 100-slot channel); a follower that falls further behind loses lines
 * instead of making the emulator buffer them.
 */
final class ProcessLog {

	static final String STDOUT = "stdout";

	static final String STDERR = "stderr";

	private static final int LIVE_BUFFER = 128;

	private final Object lock = new Object();

	private final LineBacklog stdout = new LineBacklog();

	private final LineBacklog stderr = new LineBacklog();

	/** Copied on write: a follower may cancel, and so leave, while a line is handed to it. */
	private final List<Sinks.Many<LogEntry>> followers = new CopyOnWriteArrayList<>();

	private boolean complete;

	/**
	 * Add a line and hand it to the followers.
	 * @param stream {@link #STDOUT} or {@link #STDERR}
	 * @param data the line
	 * @param bytes how many bytes of output it took
	 */
	void append(String stream, String data, int bytes) {
		LogEntry entry = new LogEntry(Instant.now(), stream, data);
		synchronized (this.lock) {
			(STDOUT.equals(stream) ? this.stdout : this.stderr).add(entry, bytes);
			for (Sinks.Many<LogEntry> follower : this.followers) {
				// A full buffer rejects the line: the follower is too slow and loses it.
				follower.tryEmitNext(entry);
			}
		}
	}

	/**
	 * The backlog: every kept stdout line, then every kept stderr line.
	 * @return the lines
	 */
	List<LogEntry> backlog() {
		synchronized (this.lock) {
			List<LogEntry> lines = new ArrayList<>();
			this.stdout.copyTo(lines);
			this.stderr.copyTo(lines);
			return lines;
		}
	}

	/**
	 * The backlog at subscription, then the live lines until {@link #complete()}.
	 * @return the lines
	 */
	Flux<LogEntry> follow() {
		return Flux.defer(() -> {
			synchronized (this.lock) {
				List<LogEntry> backlog = backlog();
				if (this.complete) {
					return Flux.fromIterable(backlog);
				}
				Sinks.Many<LogEntry> follower = Sinks.many()
					.unicast()
					.onBackpressureBuffer(Queues.<LogEntry>get(LIVE_BUFFER).get());
				this.followers.add(follower);
				return Flux.fromIterable(backlog)
					.concatWith(follower.asFlux())
					.doFinally((signal) -> unfollow(follower));
			}
		});
	}

	/**
	 * End every follower's stream; later followers get the backlog only.
	 */
	void complete() {
		synchronized (this.lock) {
			this.complete = true;
			List<Sinks.Many<LogEntry>> ending = List.copyOf(this.followers);
			this.followers.clear();
			ending.forEach(Sinks.Many::tryEmitComplete);
		}
	}

	private void unfollow(Sinks.Many<LogEntry> follower) {
		synchronized (this.lock) {
			this.followers.remove(follower);
		}
	}

}

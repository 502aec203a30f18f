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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The kept lines of one output stream: the newest {@value #MAX_LINES} lines and at most
 * {@value #MAX_BYTES} bytes of them, the oldest dropped first. Not thread-safe.
 */
final class LineBacklog {

	/** Lines kept per stream, as the executor keeps. */
	static final int MAX_LINES = 10_000;

	/** Bytes kept per stream, so that long lines cannot take the emulator's memory. */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private final Deque<Line> lines = new ArrayDeque<>();

	private long bytes;

	/**
	 * Keep a line, dropping the oldest ones over the limits.
	 * @param entry the line
	 * @param size how many bytes of output it took
	 */
	void add(LogEntry entry, int size) {
		this.lines.addLast(new Line(entry, size));
		this.bytes += size;
		while (this.lines.size() > MAX_LINES || this.bytes > MAX_BYTES) {
			this.bytes -= this.lines.removeFirst().size();
		}
	}

	/**
	 * Append the kept lines, oldest first.
	 * @param target where to append them
	 */
	void copyTo(List<LogEntry> target) {
		this.lines.forEach((line) -> target.add(line.entry()));
	}

	private record Line(LogEntry entry, int size) {
	}

}

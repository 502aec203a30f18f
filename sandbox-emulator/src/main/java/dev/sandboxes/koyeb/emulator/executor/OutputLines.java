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

package dev.sandboxes.koyeb.emulator.executor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Splits a command's output stream into lines as the executor does: on {@code \n}, without the
 * line terminator (a trailing {@code \r} is dropped too), with a final unterminated line kept.
 * A line longer than 1 MiB is cut into 1 MiB pieces so that no line is held without bound. Lines
 * come out as the escaped content of a JSON string (see {@link Utf8Text}).
 */
final class OutputLines {

	static final int MAX_LINE = 1024 * 1024;

	private final InputStream in;

	private final byte[] buffer = new byte[8192];

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private int position;

	private int limit;

	private boolean ended;

	private OutputLines(InputStream in) {
		this.in = in;
	}

	/**
	 * The lines of a stream, read on demand on the blocking-I/O threads.
	 * @param in the stream
	 * @param io the threads
	 * @return the lines
	 */
	static Flux<String> of(InputStream in, BlockingIo io) {
		return Flux.<String, OutputLines>generate(() -> new OutputLines(in), (lines, sink) -> {
			String next = lines.next();
			if (next != null) {
				sink.next(next);
			}
			else {
				sink.complete();
			}
			return lines;
		}, OutputLines::close).subscribeOn(io.scheduler());
	}

	private @Nullable String next() {
		while (true) {
			if (this.position == this.limit) {
				if (this.ended || !fill()) {
					return flushLast();
				}
			}
			while (this.position < this.limit) {
				byte b = this.buffer[this.position++];
				if (b == '\n') {
					return take();
				}
				this.line.write(b);
				if (this.line.size() == MAX_LINE) {
					return take();
				}
			}
		}
	}

	private boolean fill() {
		try {
			int read = this.in.read(this.buffer);
			if (read < 0) {
				this.ended = true;
				return false;
			}
			this.position = 0;
			this.limit = read;
			return true;
		}
		catch (IOException ex) {
			this.ended = true;
			return false;
		}
	}

	private @Nullable String flushLast() {
		return (this.line.size() > 0) ? take() : null;
	}

	private String take() {
		byte[] bytes = this.line.toByteArray();
		this.line.reset();
		int length = bytes.length;
		if (length > 0 && bytes[length - 1] == '\r') {
			length--;
		}
		return Utf8Text.escape(bytes, length);
	}

	private void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// The stream is done either way.
		}
	}

}

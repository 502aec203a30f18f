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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a process's output stream line by line on a daemon thread of its own (named
 * {@code koyeb-emulator-process-io-N}) that ends with the stream. Lines end at {@code \n}, lose a
 * trailing {@code \r}, are decoded as UTF-8 with invalid sequences replaced by U+FFFD, and a line
 * longer than {@value #MAX_LINE_BYTES} bytes is cut into pieces of at most that size (at a
 * character boundary). Unterminated output at the end of the stream is a last line.
 */
final class LineReader {

	/** The longest line, as the executor's scanner buffer. */
	static final int MAX_LINE_BYTES = 1024 * 1024;

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final InputStream input;

	private final LineConsumer consumer;

	private byte[] line = new byte[8192];

	private int length;

	private LineReader(InputStream input, LineConsumer consumer) {
		this.input = input;
		this.consumer = consumer;
	}

	/**
	 * Start reading a stream.
	 * @param input the stream, closed at its end
	 * @param consumer receives each line, on the reading thread
	 * @return completes when the stream has ended (or failed) and every line was delivered
	 */
	static CompletableFuture<Void> start(InputStream input, LineConsumer consumer) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		LineReader reader = new LineReader(input, consumer);
		Thread thread = new Thread(() -> {
			try (input) {
				reader.readAll();
			}
			catch (IOException ex) {
				// The stream was closed or the process is gone: nothing more to read.
			}
			finally {
				done.complete(null);
			}
		}, "koyeb-emulator-process-io-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		thread.start();
		return done;
	}

	private void readAll() throws IOException {
		byte[] chunk = new byte[8192];
		int read;
		while ((read = this.input.read(chunk)) != -1) {
			int start = 0;
			for (int i = 0; i < read; i++) {
				if (chunk[i] == '\n') {
					append(chunk, start, i - start);
					emit(this.length, true);
					start = i + 1;
				}
			}
			append(chunk, start, read - start);
		}
		if (this.length > 0) {
			emit(this.length, true);
		}
	}

	private void append(byte[] bytes, int offset, int count) {
		int position = offset;
		int remaining = count;
		while (remaining > 0) {
			if (this.length == MAX_LINE_BYTES) {
				emit(pieceEnd(), false);
			}
			int room = MAX_LINE_BYTES - this.length;
			int taken = Math.min(room, remaining);
			if (this.length + taken > this.line.length) {
				int capacity = Math.max(this.line.length * 2, this.length + taken);
				this.line = Arrays.copyOf(this.line, Math.min(MAX_LINE_BYTES, capacity));
			}
			System.arraycopy(bytes, position, this.line, this.length, taken);
			this.length += taken;
			position += taken;
			remaining -= taken;
		}
	}

	/**
	 * Where a full buffer is cut: before a UTF-8 continuation byte's lead, so that no character is
	 * split, unless the bytes are not UTF-8 at all.
	 */
	private int pieceEnd() {
		int end = this.length;
		for (int i = this.length - 1; i >= Math.max(0, this.length - 3); i--) {
			int value = this.line[i] & 0xFF;
			if (value >= 0xC0) {
				int characterLength = (value >= 0xF0) ? 4 : (value >= 0xE0) ? 3 : 2;
				end = (i + characterLength > this.length) ? i : this.length;
				break;
			}
			if (value < 0x80) {
				break;
			}
		}
		return end;
	}

	/**
	 * Deliver the first {@code end} bytes as a line (or a piece of a long one) and keep the rest.
	 */
	private void emit(int end, boolean endOfLine) {
		int size = end;
		if (endOfLine && size > 0 && this.line[size - 1] == '\r') {
			size--;
		}
		this.consumer.accept(new String(this.line, 0, size, StandardCharsets.UTF_8), end);
		System.arraycopy(this.line, end, this.line, 0, this.length - end);
		this.length -= end;
	}

	/**
	 * Receives lines.
	 */
	@FunctionalInterface
	interface LineConsumer {

		/**
		 * Receive a line.
		 * @param line the line, without its terminator
		 * @param bytes how many bytes of output it took
		 */
		void accept(String line, int bytes);

	}

}

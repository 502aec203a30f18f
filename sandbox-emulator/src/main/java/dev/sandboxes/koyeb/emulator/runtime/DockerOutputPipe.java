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
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * One output stream of a docker command: the chunks the engine delivers, buffered up to a
 * capacity, read as an {@link InputStream}. A writer blocks while the buffer is full, which holds
 * the engine's stream (and, through it, the command) back until the reader catches up, as a full
 * pipe holds a host process back. The capacity is far above a pipe's 64 KiB so that a reader
 * that reads one stream to its end before the other does not block the other any sooner than
 * with a host process. Once the reader closes the stream, whatever is written is dropped.
 */
final class DockerOutputPipe extends InputStream {

	private final int capacity;

	private final Deque<byte[]> chunks = new ArrayDeque<>();

	/** The bytes of the first chunk already read. */
	private int offset;

	private long buffered;

	private boolean ended;

	private boolean closed;

	/**
	 * Create a pipe.
	 * @param capacity how many bytes it buffers before the writer blocks
	 */
	DockerOutputPipe(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Append a chunk, waiting while the buffer is full. The pipe keeps the array. Nothing happens
	 * once the pipe has ended or its reader has closed it.
	 * @param chunk the bytes
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized void write(byte[] chunk) throws InterruptedException {
		while (!this.ended && !this.closed && this.buffered >= this.capacity) {
			wait();
		}
		if (this.ended || this.closed || chunk.length == 0) {
			return;
		}
		this.chunks.addLast(chunk);
		this.buffered += chunk.length;
		notifyAll();
	}

	/**
	 * End the stream: the reader gets what is buffered, then the end of the stream; a writer
	 * waiting for room gives up.
	 */
	synchronized void end() {
		this.ended = true;
		notifyAll();
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
		Objects.checkFromIndexSize(offset, length, buffer.length);
		if (length == 0 && !this.closed) {
			return 0;
		}
		while (this.buffered == 0 && !this.ended && !this.closed) {
			try {
				wait();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while reading a command's output");
			}
		}
		if (this.closed) {
			throw new IOException("Stream closed");
		}
		if (this.buffered == 0) {
			return -1;
		}
		int copied = 0;
		while (copied < length && !this.chunks.isEmpty()) {
			byte[] chunk = this.chunks.getFirst();
			int taken = Math.min(length - copied, chunk.length - this.offset);
			System.arraycopy(chunk, this.offset, buffer, offset + copied, taken);
			copied += taken;
			this.offset += taken;
			if (this.offset == chunk.length) {
				this.chunks.removeFirst();
				this.offset = 0;
			}
		}
		this.buffered -= copied;
		notifyAll();
		return copied;
	}

	@Override
	public synchronized int available() throws IOException {
		if (this.closed) {
			throw new IOException("Stream closed");
		}
		return (int) Math.min(Integer.MAX_VALUE, this.buffered);
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.chunks.clear();
		this.buffered = 0;
		this.offset = 0;
		notifyAll();
	}

}

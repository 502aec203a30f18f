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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Holds one output stream while another is being answered: in memory up to a threshold, then in
 * a temporary file (in the JVM's temporary directory, readable by its owner only), so that a
 * command writing gigabytes never fills the heap.
 */
final class OutputSpool implements AutoCloseable {

	private static final int MEMORY_THRESHOLD = 1024 * 1024;

	private final ByteArrayOutputStream memory = new ByteArrayOutputStream();

	private volatile @Nullable Path file;

	/**
	 * Copy a stream into the spool until it ends.
	 * @param source the stream
	 */
	void drain(InputStream source) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = source) {
			OutputStream overflow = null;
			try {
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (overflow == null && this.memory.size() + read > MEMORY_THRESHOLD) {
						overflow = overflow();
					}
					((overflow != null) ? overflow : this.memory).write(buffer, 0, read);
				}
			}
			finally {
				if (overflow != null) {
					overflow.close();
				}
			}
		}
		catch (IOException ex) {
			// The process was killed: what was read so far is kept.
		}
	}

	private OutputStream overflow() throws IOException {
		Path spill = Files.createTempFile("koyeb-emulator-output-", ".spool");
		this.file = spill;
		return Files.newOutputStream(spill);
	}

	/**
	 * Read back everything drained, in order.
	 * @return the content
	 */
	InputStream content() {
		InputStream head = new ByteArrayInputStream(this.memory.toByteArray());
		Path spill = this.file;
		if (spill == null) {
			return head;
		}
		try {
			return new SequenceInputStream(head, Files.newInputStream(spill));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		Path spill = this.file;
		if (spill != null) {
			try {
				Files.deleteIfExists(spill);
			}
			catch (IOException ex) {
				spill.toFile().deleteOnExit();
			}
		}
	}

}

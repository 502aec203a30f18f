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

import java.io.Closeable;
import java.io.IOException;

import com.github.dockerjava.api.async.ResultCallback;
import org.jspecify.annotations.Nullable;

/**
 * A callback of one of the engine's streams (an exec's output, a pull's progress) that owns the
 * stream: closing the callback closes the stream, even when the stream opens after the close.
 *
 * @param <T> the type of the stream's items
 */
abstract class DockerCallback<T> implements ResultCallback<T> {

	private @Nullable Closeable stream;

	private boolean closed;

	@Override
	public void onStart(Closeable stream) {
		boolean close;
		synchronized (this) {
			this.stream = stream;
			close = this.closed;
		}
		if (close) {
			closeQuietly();
		}
	}

	@Override
	public void close() throws IOException {
		Closeable open;
		synchronized (this) {
			this.closed = true;
			open = this.stream;
			this.stream = null;
		}
		if (open != null) {
			open.close();
		}
	}

	/**
	 * Close the stream, ignoring a failure to: it is gone either way.
	 */
	final void closeQuietly() {
		try {
			close();
		}
		catch (IOException ex) {
			// The stream is gone either way.
		}
	}

}

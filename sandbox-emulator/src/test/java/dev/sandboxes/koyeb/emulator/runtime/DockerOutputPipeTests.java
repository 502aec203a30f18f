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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link DockerOutputPipe}.
 */
@Timeout(10)
class DockerOutputPipeTests {

	@Test
	void chunksAreReadInOrderThenTheEnd() throws Exception {
		DockerOutputPipe pipe = new DockerOutputPipe(1024);
		pipe.write(bytes("hello "));
		pipe.write(new byte[0]);
		pipe.write(bytes("world"));
		pipe.end();
		byte[] two = new byte[2];
		assertThat(pipe.read(two, 0, 2)).isEqualTo(2);
		assertThat(new String(two, StandardCharsets.UTF_8)).isEqualTo("he");
		assertThat(pipe.available()).isEqualTo(9);
		assertThat(pipe.read()).isEqualTo('l');
		assertThat(new String(pipe.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("lo world");
		assertThat(pipe.read()).isEqualTo(-1);
		pipe.write(bytes("after the end"));
		assertThat(pipe.read()).isEqualTo(-1);
	}

	@Test
	void readWaitsForAChunkOrTheEnd() throws Exception {
		DockerOutputPipe pipe = new DockerOutputPipe(1024);
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
			try {
				return pipe.readAllBytes();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		assertThat(read).isNotDone();
		pipe.write(bytes("late"));
		pipe.end();
		assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(bytes("late"));
	}

	@Test
	void writerWaitsWhileTheBufferIsFullUntilTheReaderCatchesUp() throws Exception {
		DockerOutputPipe pipe = new DockerOutputPipe(4);
		pipe.write(bytes("full"));
		CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
			try {
				pipe.write(bytes("more"));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		Thread.sleep(100);
		assertThat(writing).isNotDone();
		assertThat(pipe.read(new byte[2], 0, 2)).isEqualTo(2);
		writing.get(5, TimeUnit.SECONDS);
		pipe.end();
		assertThat(new String(pipe.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("llmore");
	}

	@Test
	void endingReleasesAWaitingWriter() throws Exception {
		DockerOutputPipe pipe = new DockerOutputPipe(4);
		pipe.write(bytes("full"));
		CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
			try {
				pipe.write(bytes("dropped"));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		Thread.sleep(100);
		pipe.end();
		writing.get(5, TimeUnit.SECONDS);
		assertThat(pipe.readAllBytes()).isEqualTo(bytes("full"));
	}

	@Test
	void closingDropsWhatIsBufferedAndWhatComes() throws Exception {
		DockerOutputPipe pipe = new DockerOutputPipe(4);
		pipe.write(bytes("full"));
		pipe.close();
		pipe.write(bytes("never blocks"));
		assertThatIOException().isThrownBy(pipe::read).withMessage("Stream closed");
		assertThatIOException().isThrownBy(pipe::available);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

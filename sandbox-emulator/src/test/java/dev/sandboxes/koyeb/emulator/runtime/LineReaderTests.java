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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LineReader}.
 */
class LineReaderTests {

	@Test
	void linesEndAtNewlinesWithoutCarriageReturns() throws Exception {
		assertThat(read("one\ntwo\r\n\nlast without newline".getBytes(StandardCharsets.UTF_8)))
			.containsExactly("one", "two", "", "last without newline");
	}

	@Test
	void emptyStreamHasNoLines() throws Exception {
		assertThat(read(new byte[0])).isEmpty();
	}

	@Test
	void invalidUtf8IsReplaced() throws Exception {
		assertThat(read(new byte[] { 'a', (byte) 0xFF, 'b', '\n' })).containsExactly("a\uFFFDb");
	}

	@Test
	void longLinesAreCutIntoPiecesOfOneMebibyte() throws Exception {
		int size = LineReader.MAX_LINE_BYTES;
		byte[] bytes = ("x".repeat(2 * size + 10) + "\nafter\n").getBytes(StandardCharsets.UTF_8);
		assertThat(read(bytes)).extracting(String::length).containsExactly(size, size, 10, 5);
	}

	@Test
	void longLinesAreNotCutInsideACharacter() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("x".repeat(LineReader.MAX_LINE_BYTES - 1).getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes("é and more\n".getBytes(StandardCharsets.UTF_8));
		List<String> lines = read(bytes.toByteArray());
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).hasSize(LineReader.MAX_LINE_BYTES - 1).doesNotContain("\uFFFD");
		assertThat(lines.get(1)).isEqualTo("é and more");
	}

	@Test
	void readingHappensOnANamedDaemonThread() throws Exception {
		List<Thread> threads = new ArrayList<>();
		LineReader.start(new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)),
				(line, bytes) -> threads.add(Thread.currentThread()))
			.get(5, TimeUnit.SECONDS);
		assertThat(threads).singleElement().satisfies((thread) -> {
			assertThat(thread.getName()).matches("koyeb-emulator-process-io-\\d+");
			assertThat(thread.isDaemon()).isTrue();
		});
	}

	@Test
	void byteCountsIncludeTheTerminator() throws Exception {
		List<Integer> sizes = new ArrayList<>();
		LineReader.start(new ByteArrayInputStream("ab\r\nc".getBytes(StandardCharsets.UTF_8)),
				(line, bytes) -> sizes.add(bytes))
			.get(5, TimeUnit.SECONDS);
		assertThat(sizes).containsExactly(3, 1);
	}

	private static List<String> read(byte[] bytes) throws Exception {
		List<String> lines = new ArrayList<>();
		LineReader.start(new ByteArrayInputStream(bytes), (line, size) -> lines.add(line)).get(5, TimeUnit.SECONDS);
		return lines;
	}

}

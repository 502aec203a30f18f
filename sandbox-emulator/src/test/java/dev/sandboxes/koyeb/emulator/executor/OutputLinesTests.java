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
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command output split into lines as the executor splits it for {@code /run_streaming}.
 */
class OutputLinesTests {

	private static final BlockingIo io = new BlockingIo();

	@AfterAll
	static void close() {
		io.close();
	}

	@Test
	void linesLoseTheirTerminatorsAndTheLastOneNeedsNone() {
		StepVerifier.create(OutputLines.of(input("one\ntwo\r\n\nthree"), io))
			.expectNext("one", "two", "", "three")
			.verifyComplete();
	}

	@Test
	void noOutputGivesNoLine() {
		StepVerifier.create(OutputLines.of(input(""), io)).verifyComplete();
	}

	@Test
	void aLineLongerThanTheLimitIsCutIntoPieces() {
		String longLine = "x".repeat(OutputLines.MAX_LINE * 2 + 5);
		StepVerifier.create(OutputLines.of(input(longLine + "\nend\n"), io).map(String::length))
			.expectNext(OutputLines.MAX_LINE, OutputLines.MAX_LINE, 5, 3)
			.verifyComplete();
	}

	@Test
	void linesComeOutAsEscapedJsonContent() {
		assertThat(OutputLines.of(input("say \"hi\"\n"), io).blockFirst()).isEqualTo("say \\\"hi\\\"");
	}

	private static ByteArrayInputStream input(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}

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

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output bytes become JSON string content as the executor's Go encoder writes it.
 */
class Utf8TextTests {

	@Test
	void validTextIsEscapedAsGoDoes() {
		byte[] bytes = "tab\there \"quoted\" back\\slash <a&b> é €\n\u0001".getBytes(StandardCharsets.UTF_8);
		assertThat(Utf8Text.escape(bytes, bytes.length))
			.isEqualTo("tab\\there \\\"quoted\\\" back\\\\slash \\u003ca\\u0026b\\u003e é €\\n\\u0001");
	}

	@Test
	void everyInvalidByteBecomesAnEscapedReplacementCharacter() {
		byte[] bytes = { 'a', (byte) 0xFF, 'b', (byte) 0xE2, (byte) 0x82, 'c' };
		assertThat(Utf8Text.escape(bytes, bytes.length)).isEqualTo("a\\ufffdb\\ufffd\\ufffdc");
	}

	@Test
	void aCharacterSplitAcrossChunksIsKeptWhole() {
		byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
		Utf8Text text = new Utf8Text();
		StringBuilder joined = new StringBuilder();
		for (byte b : euro) {
			joined.append(text.escape(new byte[] { b }, 1, false));
		}
		joined.append(text.escape(new byte[0], 0, true));
		assertThat(joined).hasToString("€");
	}

	@Test
	void aTruncatedCharacterAtTheEndIsReplaced() {
		Utf8Text text = new Utf8Text();
		byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
		assertThat(text.escape(euro, 2, false)).isEmpty();
		assertThat(text.escape(new byte[0], 0, true)).isEqualTo("\\ufffd\\ufffd");
	}

}

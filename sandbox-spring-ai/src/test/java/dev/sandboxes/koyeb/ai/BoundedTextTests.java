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

package dev.sandboxes.koyeb.ai;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundedText}.
 */
class BoundedTextTests {

	@Test
	void textUpToTheLimitIsKeptWhole() {
		assertThat(BoundedText.of("0123456789", 10)).isEqualTo("0123456789");
		assertThat(BoundedText.of("", 10)).isEmpty();
	}

	@Test
	void longerTextKeepsItsHeadAndTailAroundTheCount() {
		assertThat(BoundedText.of("0123456789ABCDEFGHIJ", 10)).isEqualTo("01234\n[... 10 characters cut ...]\nFGHIJ");
	}

	@Test
	void oddLimitGivesTheExtraCharacterToTheHead() {
		assertThat(BoundedText.of("abcdefghijk", 5)).isEqualTo("abc\n[... 6 characters cut ...]\njk");
	}

	@Test
	void piecesAppendedOneByOneGiveTheSameTextAsAWholeAppend() {
		StringBuilder whole = new StringBuilder();
		BoundedText bounded = new BoundedText(100);
		for (int line = 0; line < 10_000; line++) {
			String piece = "line " + line + "\n";
			whole.append(piece);
			bounded.append(piece);
		}
		assertThat(bounded.length()).isEqualTo(whole.length());
		assertThat(bounded.isCut()).isTrue();
		assertThat(bounded.toString()).isEqualTo(BoundedText.of(whole.toString(), 100))
			.startsWith("line 0\nline 1\n")
			.endsWith("line 9998\nline 9999\n")
			.contains("[... " + (whole.length() - 100) + " characters cut ...]");
	}

	@Test
	void aPieceLongerThanTheTailReplacesItWhole() {
		BoundedText bounded = new BoundedText(10);
		bounded.append("abcdefg");
		bounded.append("hij");
		bounded.append("0123456789");
		assertThat(bounded).hasToString("abcde\n[... 10 characters cut ...]\n56789");
	}

	@Test
	void cutsNeverSplitASurrogatePair() {
		String smile = "\uD83D\uDE00";
		String text = "abcd" + smile + "-".repeat(20) + smile + "wxyz";
		String bounded = BoundedText.of(text, 10);
		assertThat(bounded).startsWith("abcd\n[... ").endsWith("]\nwxyz");
		assertThat(bounded).contains("[... " + (text.length() - 8) + " characters cut ...]");
	}

}

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

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns command output, arriving in chunks, into the content of a JSON string exactly as the
 * executor's Go encoder writes it: valid UTF-8 kept, JSON-escaped, and every byte that is not
 * valid UTF-8 written as the escape {@code \}{@code ufffd}. A sequence split across chunks is kept
 * intact.
 */
final class Utf8Text {

	private static final String INVALID_BYTE = "\\ufffd";

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private ByteBuffer pending = ByteBuffer.allocate(0);

	/**
	 * Escape the next chunk.
	 * @param bytes the buffer
	 * @param length how many bytes of it are new
	 * @param last whether no more bytes follow
	 * @return the escaped text of what could be decoded so far
	 */
	String escape(byte[] bytes, int length, boolean last) {
		ByteBuffer input = ByteBuffer.allocate(this.pending.remaining() + length);
		input.put(this.pending).put(bytes, 0, length).flip();
		CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
		StringBuilder escaped = new StringBuilder(input.remaining() + 16);
		while (true) {
			CoderResult result = this.decoder.decode(input, chars, last);
			GoJson.escape(chars.flip(), escaped);
			chars.clear();
			if (!result.isError()) {
				break;
			}
			input.position(input.position() + result.length());
			escaped.append(INVALID_BYTE.repeat(result.length()));
		}
		if (last) {
			this.decoder.reset();
		}
		this.pending = input.slice();
		return escaped.toString();
	}

	/**
	 * Escape a whole byte sequence.
	 * @param bytes the bytes
	 * @param length how many to escape
	 * @return the escaped text
	 */
	static String escape(byte[] bytes, int length) {
		return new Utf8Text().escape(bytes, length, true);
	}

}

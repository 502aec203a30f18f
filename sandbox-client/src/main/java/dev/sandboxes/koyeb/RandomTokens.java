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

package dev.sandboxes.koyeb;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values the client generates: executor secrets and sandbox names.
 */
final class RandomTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private RandomTokens() {
	}

	/**
	 * Generate an executor secret: 32 random bytes, URL-safe Base64 without padding.
	 * @return the secret
	 */
	static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Generate a lowercase alphanumeric suffix.
	 * @param length the length
	 * @return the suffix
	 */
	static String suffix(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = NAME_ALPHABET[RANDOM.nextInt(NAME_ALPHABET.length)];
		}
		return new String(chars);
	}

}

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

/**
 * Text of bounded size built from appended pieces: up to a limit it is kept whole; past it,
 * its head and its tail are kept around a marker that says how many characters were cut,
 * so that memory stays bounded whatever a command prints. Not thread-safe.
 */
final class BoundedText {

	private final int headLimit;

	private final int tailLimit;

	private final StringBuilder head = new StringBuilder();

	/** The latest characters past the head, trimmed back to the tail limit as it grows. */
	private final StringBuilder tail = new StringBuilder();

	private long length;

	/**
	 * Create an empty text.
	 * @param limit the most characters kept whole; past it, half are kept from the start
	 * and half from the end
	 */
	BoundedText(int limit) {
		this.headLimit = limit - limit / 2;
		this.tailLimit = limit / 2;
	}

	/**
	 * Bound a whole text at once.
	 * @param text the text
	 * @param limit the most characters kept whole
	 * @return the text, or its head and tail around a marker
	 */
	static String of(String text, int limit) {
		BoundedText bounded = new BoundedText(limit);
		bounded.append(text);
		return bounded.toString();
	}

	void append(CharSequence text) {
		this.length += text.length();
		int intoHead = Math.min(text.length(), this.headLimit - this.head.length());
		this.head.append(text, 0, intoHead);
		if (intoHead == text.length()) {
			return;
		}
		int from = Math.max(intoHead, text.length() - this.tailLimit);
		this.tail.append(text, from, text.length());
		if (this.tail.length() > 2 * this.tailLimit) {
			this.tail.delete(0, this.tail.length() - this.tailLimit);
		}
	}

	/**
	 * Return how many characters were appended in all.
	 * @return the length
	 */
	long length() {
		return this.length;
	}

	/**
	 * Return whether characters were cut.
	 * @return whether the text is longer than its limit
	 */
	boolean isCut() {
		return this.length > this.headLimit + this.tailLimit;
	}

	@Override
	public String toString() {
		if (!isCut()) {
			return this.head.toString() + this.tail;
		}
		String kept = this.tail.substring(this.tail.length() - this.tailLimit);
		int headEnd = this.head.length();
		if (headEnd > 0 && Character.isHighSurrogate(this.head.charAt(headEnd - 1))) {
			headEnd--;
		}
		int tailStart = (!kept.isEmpty() && Character.isLowSurrogate(kept.charAt(0))) ? 1 : 0;
		long cut = this.length - headEnd - (kept.length() - tailStart);
		return this.head.substring(0, headEnd) + "\n[... " + cut + " characters cut ...]\n" + kept.substring(tailStart);
	}

}

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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Paths as a sandbox sees them: made absolute against the default working directory and
 * normalised lexically, the way Go's {@code path.Clean} does.
 */
final class SandboxPaths {

	/** The default working directory of commands and of relative file-API paths. */
	static final String DEFAULT_DIRECTORY = "/root";

	private SandboxPaths() {
	}

	/**
	 * The absolute, clean form of a sandbox path: a relative path resolves against
	 * {@value #DEFAULT_DIRECTORY}, {@code .} and empty segments are dropped and {@code ..} removes
	 * the segment before it ({@code /..} stays {@code /}).
	 * @param path the path as requested
	 * @return the clean absolute path
	 */
	static String absolute(String path) {
		return clean(path.startsWith("/") ? path : DEFAULT_DIRECTORY + "/" + path);
	}

	/**
	 * The parent of a clean absolute path; the parent of {@code /} is {@code /}.
	 * @param path a clean absolute path
	 * @return its parent
	 */
	static String parent(String path) {
		int slash = path.lastIndexOf('/');
		return (slash <= 0) ? "/" : path.substring(0, slash);
	}

	/**
	 * Whether a clean absolute path is a directory or lies beneath it.
	 * @param path a clean absolute path
	 * @param directory a clean absolute directory
	 * @return whether {@code path} is {@code directory} or inside it
	 */
	static boolean isWithin(String path, String directory) {
		return directory.equals("/") || path.equals(directory) || path.startsWith(directory + "/");
	}

	/**
	 * The non-empty segments of a path.
	 * @param path a path
	 * @return its segments, in order
	 */
	static List<String> segments(String path) {
		List<String> segments = new ArrayList<>();
		int start = 0;
		while (start <= path.length()) {
			int slash = path.indexOf('/', start);
			int end = (slash < 0) ? path.length() : slash;
			if (end > start) {
				segments.add(path.substring(start, end));
			}
			start = end + 1;
		}
		return segments;
	}

	private static String clean(String absolutePath) {
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : segments(absolutePath)) {
			if (segment.equals("..")) {
				segments.pollLast();
			}
			else if (!segment.equals(".")) {
				segments.addLast(segment);
			}
		}
		return "/" + String.join("/", segments);
	}

}

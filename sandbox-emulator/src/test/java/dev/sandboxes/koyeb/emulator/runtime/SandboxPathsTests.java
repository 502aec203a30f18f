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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxPaths}.
 */
class SandboxPathsTests {

	@ParameterizedTest
	@CsvSource({ "/tmp/a, /tmp/a", "/tmp/../etc/passwd, /etc/passwd", "/../../x, /x", "//tmp//a/./b/, /tmp/a/b",
			"a/b, /root/a/b", "., /root", "../.., /", "../../etc, /etc", "/, /", "/tmp/a/.., /tmp" })
	void absolutePathsAreCleanAndRelativeToRoot(String path, String expected) {
		assertThat(SandboxPaths.absolute(path)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "/tmp/a/b, /tmp/a", "/tmp, /", "/, /" })
	void parentOfACleanPath(String path, String expected) {
		assertThat(SandboxPaths.parent(path)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "/tmp, /tmp, true", "/tmp/a, /tmp, true", "/tmpfile, /tmp, false", "/var/tmp, /var, true",
			"/etc, /, true", "/var, /var/tmp, false" })
	void withinMeansTheDirectoryOrBeneathIt(String path, String directory, boolean within) {
		assertThat(SandboxPaths.isWithin(path, directory)).isEqualTo(within);
	}

}

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
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HostView}'s handling of links out of the view, such as a
 * {@code /etc/resolv.conf} that systemd-resolved points into {@code /run}.
 */
class HostViewTests {

	@Test
	void linkOutOfTheViewHasItsTargetShownReadOnlyWhereItPoints(@TempDir Path directory) throws IOException {
		Path target = Files.createDirectories(directory.resolve("run/resolve")).resolve("stub-resolv.conf");
		Files.writeString(target, "nameserver 127.0.0.53\n");
		Path link = Files.createSymbolicLink(Files.createDirectories(directory.resolve("etc")).resolve("resolv.conf"),
				Path.of("../run/resolve/stub-resolv.conf"));
		assertThat(HostView.showingLinkTarget(link)).containsExactly("--ro-bind", target.toRealPath().toString(),
				target.toString());
	}

	@Test
	void linkToAMissingTargetShowsNothing(@TempDir Path directory) throws IOException {
		Path link = Files.createSymbolicLink(directory.resolve("resolv.conf"), directory.resolve("missing"));
		assertThat(HostView.showingLinkTarget(link)).isEmpty();
	}

	@Test
	void linkIntoTheSystemsDirectoriesShowsNothingMore(@TempDir Path directory) throws IOException {
		Path link = Files.createSymbolicLink(directory.resolve("resolv.conf"), Path.of("/etc/passwd"));
		assertThat(HostView.showingLinkTarget(link)).isEmpty();
	}

	@Test
	void regularFileShowsNothingMore(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("resolv.conf"), "nameserver 10.0.0.1\n");
		assertThat(HostView.showingLinkTarget(file)).isEmpty();
	}

	@Test
	void onlyPathsUnderTheSystemsDirectoriesAreInTheView() {
		assertThat(HostView.isSystemPath(Path.of("/usr/local/bin"))).isTrue();
		assertThat(HostView.isSystemPath(Path.of("/bin"))).isTrue();
		assertThat(HostView.isSystemPath(Path.of("/opt/tools/bin"))).isFalse();
		assertThat(HostView.isSystemPath(Path.of("/"))).isFalse();
		assertThat(HostView.isSystemPath(Path.of("usr/bin"))).isFalse();
	}

}

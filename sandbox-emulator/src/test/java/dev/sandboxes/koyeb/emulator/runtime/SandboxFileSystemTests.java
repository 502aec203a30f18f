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

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the file API ({@link SandboxFileSystem}) inside a sandbox's storage, on both runtimes:
 * the recorded executor exchanges and Go's semantics.
 */
@Timeout(60)
class SandboxFileSystemTests {

	@RegisterExtension
	static final RuntimeFixture fixture = RuntimeFixture.inTemporaryDirectory();

	@BothRuntimes
	void recordedExchangesGiveTheExecutorsResults(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		files.makeDirectories("/tmp/vec-root/a/b");
		files.makeDirectories("/tmp/vec-root/a/b");
		files.write("/tmp/vec-root/a/f.txt", "line1\nline2\n");
		assertFails(() -> files.write("/tmp/vec-root/missing/f.txt", "x"),
				"open /tmp/vec-root/missing/f.txt: no such file or directory");
		files.write("/tmp/vec-root/a/empty.txt", "");
		assertThat(files.read("/tmp/vec-root/a/f.txt")).isEqualTo("line1\nline2\n");
		assertThat(files.read("/tmp/vec-root/a/empty.txt")).isEmpty();
		assertFails(() -> files.read("/tmp/vec-root/a/missing.txt"),
				"open /tmp/vec-root/a/missing.txt: no such file or directory");
		assertFails(() -> files.read("/tmp/vec-root/a"), "read /tmp/vec-root/a: is a directory");
		assertThat(files.list("/tmp/vec-root/a")).containsExactly("b", "empty.txt", "f.txt");
		assertThat(files.list("/tmp/vec-root/a/b")).isEmpty();
		assertFails(() -> files.list("/tmp/vec-root/zzz"), "open /tmp/vec-root/zzz: no such file or directory");
		assertFails(() -> files.delete("/tmp/vec-root/a"), "remove /tmp/vec-root/a: directory not empty");
		assertFails(() -> files.delete("/tmp/vec-root/a/missing.txt"),
				"remove /tmp/vec-root/a/missing.txt: no such file or directory");
		files.delete("/tmp/vec-root/a/empty.txt");
		files.deleteRecursively("/tmp/vec-root/zzz");
		assertThat(files.list("/tmp/vec-root/a")).containsExactly("b", "f.txt");
	}

	@BothRuntimes
	void writeReplacesAFileWithMode0644(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().write("/workspace/a.txt", "a much longer first content");
		sandbox.files().write("/workspace/a.txt", "short");
		assertThat(sandbox.files().read("/workspace/a.txt")).isEqualTo("short");
		Path host = fixture.hostPath(mode, sandbox, "/workspace").resolve("a.txt");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(host))).isEqualTo("rw-r--r--");
	}

	@BothRuntimes
	void writeOfADirectoryFails(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		assertFails(() -> files.write("/tmp", "x"), "open /tmp: is a directory");
	}

	@BothRuntimes
	void contentIsUtf8AndInvalidBytesReadAsReplacementCharacters(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().write("/tmp/unicode.txt", "ünïcødé ✓ 🚀");
		assertThat(sandbox.files().read("/tmp/unicode.txt")).isEqualTo("ünïcødé ✓ 🚀");
		Files.write(fixture.hostPath(mode, sandbox, "/tmp").resolve("binary"), new byte[] { 'a', (byte) 0xFF, 'b' });
		assertThat(sandbox.files().read("/tmp/binary")).isEqualTo("a\uFFFDb");
	}

	@BothRuntimes
	void readRefusesFilesOver64Mebibytes(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		try (RandomAccessFile file = new RandomAccessFile(
				fixture.hostPath(mode, sandbox, "/tmp").resolve("huge").toFile(), "rw")) {
			file.setLength(64L * 1024 * 1024 + 1);
		}
		assertFails(() -> sandbox.files().read("/tmp/huge"),
				"read /tmp/huge: file too large for read_file (67108865 bytes, at most 67108864)");
	}

	@BothRuntimes
	void relativePathsAreRelativeToRoot(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		files.makeDirectories("notes");
		files.write("notes/a.txt", "a");
		assertThat(files.read("/root/notes/a.txt")).isEqualTo("a");
		assertThat(files.list(".")).containsExactly("notes");
		assertFails(() -> files.read("missing.txt"), "open missing.txt: no such file or directory");
	}

	@BothRuntimes
	void makeDirectoriesCreatesParentsWithMode0755(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().makeDirectories("/home/user/projects/demo");
		Path host = fixture.hostPath(mode, sandbox, "/home").resolve("user/projects/demo");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(host))).isEqualTo("rwxr-xr-x");
		sandbox.files().makeDirectories("/");
		sandbox.files().makeDirectories("/var");
		sandbox.files().makeDirectories("/var/tmp");
	}

	@BothRuntimes
	void makeDirectoriesThroughAFileFails(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		files.write("/tmp/file.txt", "x");
		assertFails(() -> files.makeDirectories("/tmp/file.txt"), "mkdir /tmp/file.txt: not a directory");
		assertFails(() -> files.makeDirectories("/tmp/file.txt/sub/dir"), "mkdir /tmp/file.txt: not a directory");
	}

	@BothRuntimes
	void deleteRecursivelyRemovesATreeAndToleratesAMissingPath(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		files.makeDirectories("/workspace/tree/a/b");
		files.write("/workspace/tree/a/b/c.txt", "c");
		files.write("/workspace/tree/top.txt", "t");
		files.deleteRecursively("/workspace/tree");
		assertThat(files.list("/workspace")).isEmpty();
		files.deleteRecursively("/workspace/tree");
		files.deleteRecursively("");
	}

	@BothRuntimes
	void writableDirectoriesThemselvesCannotBeRemoved(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		files.write("/tmp/a.txt", "a");
		assertFails(() -> files.delete("/tmp"), "remove /tmp: device or resource busy");
		assertFails(() -> files.deleteRecursively("/tmp"), "unlinkat /tmp: device or resource busy");
		assertThat(files.list("/tmp")).isEmpty();
		files.write("/tmp/b.txt", "b");
		assertThat(files.list("/tmp")).containsExactly("b.txt");
	}

	@BothRuntimes
	void listOfAFileFails(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		files.write("/tmp/a.txt", "a");
		assertFails(() -> files.list("/tmp/a.txt"), "readdirent /tmp/a.txt: not a directory");
	}

	@BothRuntimes
	void emptyPathIsMissing(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		assertFails(() -> files.read(""), "open : no such file or directory");
		assertFails(() -> files.write("", "x"), "open : no such file or directory");
		assertFails(() -> files.delete(""), "remove : no such file or directory");
		assertFails(() -> files.makeDirectories(""), "mkdir : no such file or directory");
		assertFails(() -> files.list(""), "open : no such file or directory");
	}

	@BothRuntimes
	void linksInsideTheSandboxAreFollowedAsTheSandboxSeesThem(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		sandbox.files().write("/root/target.txt", "target");
		Path tmp = fixture.hostPath(mode, sandbox, "/tmp");
		Files.createSymbolicLink(tmp.resolve("absolute"), Path.of("/root/target.txt"));
		Files.createSymbolicLink(tmp.resolve("relative"), Path.of("../root"));
		Files.createSymbolicLink(tmp.resolve("dangling"), Path.of("/workspace/new.txt"));
		assertThat(sandbox.files().read("/tmp/absolute")).isEqualTo("target");
		assertThat(sandbox.files().read("/tmp/relative/target.txt")).isEqualTo("target");
		assertThat(sandbox.files().list("/tmp/relative")).containsExactly("target.txt");
		sandbox.files().write("/tmp/dangling", "created through a link");
		assertThat(sandbox.files().read("/workspace/new.txt")).isEqualTo("created through a link");
		sandbox.files().delete("/tmp/absolute");
		assertThat(sandbox.files().read("/root/target.txt")).isEqualTo("target");
		assertThat(new String(Files.readAllBytes(fixture.hostPath(mode, sandbox, "/root").resolve("target.txt")),
				StandardCharsets.UTF_8)).isEqualTo("target");
	}

	static void assertFails(Runnable operation, String message) {
		assertThatExceptionOfType(SandboxFileException.class).isThrownBy(operation::run).withMessage(message);
	}

}

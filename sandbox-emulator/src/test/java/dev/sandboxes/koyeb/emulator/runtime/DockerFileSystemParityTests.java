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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker runtime's file API ({@link DockerFileSystem}) against the plain runtime's
 * ({@link ConfinedFileSystem}): every case runs the same file operations in a sandbox of each,
 * in a directory of its own inside the writable directories both share, and both must give the
 * same results and the same error texts, operation for operation.
 */
@Timeout(60)
class DockerFileSystemParityTests {

	private static final AtomicInteger CASES = new AtomicInteger();

	private static final String RUN = UUID.randomUUID().toString();

	private static Path directory;

	private static SandboxRuntime plainRuntime;

	private static DockerSandboxRuntime dockerRuntime;

	private static RuntimeSandbox plain;

	private static RuntimeSandbox docker;

	@BeforeAll
	static void provisionSandboxes() throws Exception {
		Docker.assumeAvailable();
		directory = Files.createTempDirectory("koyeb-parity-tests-");
		plainRuntime = SandboxRuntimes.create(RuntimeMode.PLAIN, directory, true);
		dockerRuntime = new DockerSandboxRuntime(Docker.engine(), true);
		plain = plainRuntime.provision(definition(Docker.BUSYBOX));
		docker = dockerRuntime.provision(definition(Docker.BUSYBOX));
	}

	@AfterAll
	static void destroySandboxes() throws Exception {
		if (dockerRuntime != null) {
			dockerRuntime.close();
		}
		if (plainRuntime != null) {
			plainRuntime.close();
		}
		if (directory != null) {
			DirectoryTrees.delete(directory);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void bothRuntimesGiveTheSameResults(Consumer<Transcript> operations) {
		String base = "/workspace/case-" + CASES.incrementAndGet();
		Transcript expected = new Transcript(plain, base);
		Transcript actual = new Transcript(docker, base);
		operations.accept(expected);
		operations.accept(actual);
		assertThat(actual.lines()).containsExactlyElementsOf(expected.lines());
	}

	static Stream<Named<Consumer<Transcript>>> cases() {
		return Stream.of(Named.of("recorded executor exchanges", (t) -> {
			t.makeDirectories("@/vec-root/a/b");
			t.makeDirectories("@/vec-root/a/b");
			t.write("@/vec-root/a/f.txt", "line1\nline2\n");
			t.write("@/vec-root/missing/f.txt", "x");
			t.write("@/vec-root/a/empty.txt", "");
			t.read("@/vec-root/a/f.txt");
			t.read("@/vec-root/a/empty.txt");
			t.read("@/vec-root/a/missing.txt");
			t.read("@/vec-root/a");
			t.list("@/vec-root/a");
			t.list("@/vec-root/a/b");
			t.list("@/vec-root/zzz");
			t.delete("@/vec-root/a");
			t.delete("@/vec-root/a/missing.txt");
			t.delete("@/vec-root/a/empty.txt");
			t.deleteRecursively("@/vec-root/zzz");
			t.list("@/vec-root/a");
		}), Named.of("writes replace, create and refuse", (t) -> {
			t.write("@/a.txt", "a much longer first content");
			t.write("@/a.txt", "short");
			t.read("@/a.txt");
			t.write("@/missing/a.txt", "x");
			t.write("@/a.txt/below", "x");
			t.write("@", "x");
			t.write("@/", "x");
			t.write("@/./b.txt", "b");
			t.write("@/sub/../c.txt", "c");
			t.list("@");
		}), Named.of("reads of files, directories and what is missing", (t) -> {
			t.write("@/unicode.txt", "ünïcødé ✓ 🚀\r\n\ttabs\u0000nul");
			t.read("@/unicode.txt");
			t.command("printf 'a\\377b\\300' > binary");
			t.read("@/binary");
			t.read("@/missing.txt");
			t.read("@/missing/deeper.txt");
			t.read("@/unicode.txt/below");
			t.read("@");
			t.read("@/");
		}), Named.of("listings are sorted and show hidden names", (t) -> {
			t.command("touch b a Z .hidden ..dots ...three '*' 'with space' && mkdir dir .dir");
			t.list("@");
			t.list("@/dir");
			t.list("@/missing");
			t.list("@/a");
			t.list("@/a/below");
			t.list("@/missing/below");
		}), Named.of("deletes of files, directories and links", (t) -> {
			t.makeDirectories("@/full/inner");
			t.makeDirectories("@/empty");
			t.write("@/file.txt", "x");
			t.command("ln -s full link-to-directory && ln -s nowhere dangling");
			t.delete("@/full");
			t.delete("@/empty");
			t.delete("@/file.txt");
			t.delete("@/file.txt");
			t.delete("@/full/missing");
			t.delete("@/full/inner/missing/deeper");
			t.delete("@/link-to-directory");
			t.delete("@/dangling");
			t.list("@");
			t.list("@/full");
			t.write("@/file.txt", "x");
			t.delete("@/file.txt/below");
		}), Named.of("directories are created with their parents", (t) -> {
			t.makeDirectories("@/a/b/c");
			t.makeDirectories("@/a/b/c");
			t.makeDirectories("@/a/b/c/");
			t.makeDirectories("@/a//b/./d");
			t.list("@/a/b");
			t.write("@/file.txt", "x");
			t.makeDirectories("@/file.txt");
			t.makeDirectories("@/file.txt/sub/dir");
			t.makeDirectories("@/a/../e/f");
			t.command("ln -s nowhere dangling && ln -s a link");
			t.makeDirectories("@/dangling");
			t.makeDirectories("@/dangling/sub");
			t.makeDirectories("@/link/b/g");
			t.list("@/a/b");
			t.list("@");
		}), Named.of("trees are removed and missing paths tolerated", (t) -> {
			t.makeDirectories("@/tree/a/b");
			t.write("@/tree/a/b/c.txt", "c");
			t.write("@/tree/top.txt", "t");
			t.command("mkdir -p kept && touch kept/file && ln -s kept link && chmod 000 tree/a");
			t.deleteRecursively("@/link");
			t.list("@/kept");
			t.deleteRecursively("@/tree");
			t.deleteRecursively("@/tree");
			t.deleteRecursively("@/missing/deeper");
			t.write("@/file.txt", "x");
			t.deleteRecursively("@/file.txt/below");
			t.deleteRecursively("@/file.txt");
			t.deleteRecursively("");
			t.list("@");
		}), Named.of("empty paths and NUL bytes", (t) -> {
			t.read("");
			t.write("", "x");
			t.delete("");
			t.makeDirectories("");
			t.list("");
			t.deleteRecursively("");
			t.read("@/a\0b");
			t.write("@/a\0/../x", "x");
			t.delete("@/\0");
			t.makeDirectories("@/\0");
			t.list("@/\0");
			t.deleteRecursively("@/\0");
		}), Named.of("relative paths resolve against /root", (t) -> {
			String relative = t.relativeDirectory();
			t.makeDirectories(relative + "/notes");
			t.write(relative + "/notes/a.txt", "a");
			t.read("/root/" + relative + "/notes/a.txt");
			t.list(relative);
			t.list("./" + relative + "/notes");
			t.read(relative + "/missing.txt");
			t.makeDirectories(relative + "/notes/a.txt/x");
			t.delete(relative + "/notes");
			t.deleteRecursively(relative);
			t.read("../root/" + relative);
		}), Named.of("links are followed as the sandbox sees them", (t) -> {
			t.makeDirectories("@/target-directory");
			t.write("@/target-directory/target.txt", "target");
			t.command("ln -s @/target-directory/target.txt absolute && ln -s target-directory relative "
					+ "&& ln -s @/created/new.txt dangling && ln -s @/missing-directory/new.txt dangling-deeper "
					+ "&& mkdir created");
			t.read("@/absolute");
			t.read("@/relative/target.txt");
			t.list("@/relative");
			t.write("@/absolute", "changed through a link");
			t.read("@/target-directory/target.txt");
			t.write("@/dangling", "created through a link");
			t.read("@/created/new.txt");
			t.write("@/dangling-deeper", "x");
			t.read("@/dangling-deeper");
			t.write("@/relative", "x");
			t.read("@/relative");
			t.makeDirectories("@/relative/sub");
			t.list("@/target-directory");
			t.delete("@/absolute");
			t.read("@/target-directory/target.txt");
			t.list("@");
		}), Named.of("link loops", (t) -> {
			t.command("ln -s loop loop && ln -s ping pong && ln -s pong ping");
			t.read("@/loop");
			t.read("@/ping");
			t.write("@/loop", "x");
			t.list("@/loop");
			t.read("@/loop/below");
			t.makeDirectories("@/loop/below");
			t.delete("@/loop/below");
			t.deleteRecursively("@/loop/below");
			t.delete("@/loop");
			t.list("@");
		}), Named.of("names a shell would misread", (t) -> {
			t.write("@/-rf", "dash");
			t.read("@/-rf");
			t.makeDirectories("@/a b/$(touch injected)/`touch injected`");
			t.write("@/a b/$(touch injected)/q'\"\\", "quotes");
			t.write("@/a b/new\nline", "newline");
			t.write("@/a b/*", "star");
			t.write("@/a b/ends with space ", "space");
			t.read("@/a b/new\nline");
			t.read("@/a b/$(touch injected)/q'\"\\");
			t.list("@/a b");
			t.list("@/a b/$(touch injected)");
			t.delete("@/a b/*");
			t.delete("@/-rf");
			t.list("@");
			t.deleteRecursively("@/a b");
			t.list("@");
		}), Named.of("files over 64 MiB are not read", (t) -> {
			t.command("truncate -s 67108865 huge");
			t.read("@/huge");
			t.delete("@/huge");
		}), Named.of("special files are not read nor written", (t) -> {
			t.command("mkfifo fifo");
			t.read("@/fifo");
			t.write("@/fifo", "x");
			t.delete("@/fifo");
			t.list("@");
		}));
	}

	private static SandboxDefinition definition(String image) {
		String id = "sb-" + UUID.randomUUID();
		return new SandboxDefinition(id, image, "micro", Map.of("SANDBOX_SECRET", "secret-" + id));
	}

	/**
	 * The operations of a case on one sandbox, each recorded with its result; {@code @} in a path
	 * or command stands for the case's directory, created first.
	 */
	static final class Transcript {

		private final RuntimeSandbox sandbox;

		private final String base;

		private final List<String> lines = new ArrayList<>();

		Transcript(RuntimeSandbox sandbox, String base) {
			this.sandbox = sandbox;
			this.base = base;
			sandbox.files().makeDirectories(base);
		}

		List<String> lines() {
			return this.lines;
		}

		/**
		 * A directory of the case's own under {@code /root}, as a relative path.
		 */
		String relativeDirectory() {
			return "rel-" + RUN + this.base.substring(this.base.lastIndexOf('-'));
		}

		void write(String path, String content) {
			record("write " + path, () -> {
				this.sandbox.files().write(resolve(path), content);
				return "ok";
			});
		}

		void read(String path) {
			record("read " + path, () -> "content " + this.sandbox.files().read(resolve(path)));
		}

		void list(String path) {
			record("list " + path, () -> "entries " + this.sandbox.files().list(resolve(path)));
		}

		void delete(String path) {
			record("delete " + path, () -> {
				this.sandbox.files().delete(resolve(path));
				return "ok";
			});
		}

		void makeDirectories(String path) {
			record("makeDirectories " + path, () -> {
				this.sandbox.files().makeDirectories(resolve(path));
				return "ok";
			});
		}

		void deleteRecursively(String path) {
			record("deleteRecursively " + path, () -> {
				this.sandbox.files().deleteRecursively(resolve(path));
				return "ok";
			});
		}

		/**
		 * Run a shell command in the case's directory, for what the file API cannot make.
		 */
		void command(String command) {
			Commands.Result result = Commands.run(this.sandbox, resolve(command), this.base, Map.of());
			this.lines.add("command " + command + " -> exit " + result.exitCode());
		}

		private String resolve(String text) {
			return text.replace("@", this.base);
		}

		private void record(String operation, Supplier<String> action) {
			String result;
			try {
				result = action.get();
			}
			catch (SandboxFileException ex) {
				result = "error " + ex.getMessage().replace(this.base, "@");
			}
			this.lines.add(operation + " -> " + result);
		}

	}

}

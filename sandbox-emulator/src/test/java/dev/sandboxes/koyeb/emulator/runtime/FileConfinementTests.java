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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import static dev.sandboxes.koyeb.emulator.runtime.SandboxFileSystemTests.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the file API ({@link SandboxFileSystem}) never reads or writes outside the sandbox's
 * storage, on both runtimes: not through {@code ..}, absolute paths, symbolic links or NUL bytes.
 * Everything lives under {@code /dev/shm}, outside every path a sandbox maps to its own storage
 * ({@code /tmp}, {@code /root}, {@code /home}, ...): the links planted here point at host paths, and
 * a link to {@code /tmp/...} would mean the sandbox's own {@code /tmp}, wherever the build runs.
 */
@Timeout(60)
class FileConfinementTests {

	static Path directory;

	static Path host;

	static RuntimeFixture fixture;

	private final String unique = "koyeb-emulator-test-" + UUID.randomUUID();

	@BeforeAll
	static void createRuntimes() throws Exception {
		Path shared = Path.of("/dev/shm");
		Bubblewrap.assumePrerequisite(Files.isDirectory(shared) && Files.isWritable(shared), "/dev/shm is not writable",
				"mount a writable tmpfs on /dev/shm");
		directory = Files.createDirectories(shared.resolve("koyeb-emulator-confinement-" + UUID.randomUUID()))
			.toRealPath();
		fixture = new RuntimeFixture(directory.resolve("runtimes"), true);
		host = Files.createDirectory(directory.resolve("host"));
	}

	@AfterEach
	void destroySandboxes() {
		fixture.destroyProvisioned();
	}

	@AfterAll
	static void closeRuntimes() throws Exception {
		if (fixture != null) {
			fixture.close();
			DirectoryTrees.delete(directory);
		}
	}

	@BothRuntimes
	void dotDotIsResolvedLexicallyAndCannotLeave(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		assertFails(() -> files.read("/tmp/../etc/passwd"), "open /tmp/../etc/passwd: permission denied");
		assertFails(() -> files.read("../../etc/passwd"), "open ../../etc/passwd: permission denied");
		assertFails(() -> files.list("/root/../.."), "open /root/../..: permission denied");
		assertFails(() -> files.write("/tmp/../../etc/" + this.unique, "x"),
				"open /tmp/../../etc/" + this.unique + ": read-only file system");
		assertThat(Path.of("/etc", this.unique)).doesNotExist();
		files.write("/tmp/../workspace/inside.txt", "in");
		assertThat(files.read("/workspace/inside.txt")).isEqualTo("in");
	}

	@BothRuntimes
	void absolutePathsOutsideTheStorageAreRefused(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		assertFails(() -> files.read("/etc/passwd"), "open /etc/passwd: permission denied");
		assertFails(() -> files.list("/etc"), "open /etc: permission denied");
		assertFails(() -> files.list("/"), "open /: permission denied");
		assertFails(() -> files.write("/usr/" + this.unique, "x"),
				"open /usr/" + this.unique + ": read-only file system");
		assertFails(() -> files.makeDirectories("/usr/" + this.unique),
				"mkdir /usr/" + this.unique + ": read-only file system");
		assertFails(() -> files.delete("/etc/hostname"), "remove /etc/hostname: read-only file system");
		assertFails(() -> files.deleteRecursively("/etc"), "unlinkat /etc: read-only file system");
		assertFails(() -> files.deleteRecursively("/"), "unlinkat /: read-only file system");
		assertThat(Path.of("/usr", this.unique)).doesNotExist();
		assertThat(Path.of("/etc/hostname")).exists();
	}

	@BothRuntimes
	void linksToHostDirectoriesAreRefused(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		SandboxFileSystem files = sandbox.files();
		Path tmp = fixture.hostPath(mode, sandbox, "/tmp");
		Files.createSymbolicLink(tmp.resolve("etc"), Path.of("/etc"));
		Files.createSymbolicLink(tmp.resolve("hostdir"), host);
		Files.createSymbolicLink(tmp.resolve("up"), Path.of("../../../.."));
		assertFails(() -> files.read("/tmp/etc/passwd"), "open /tmp/etc/passwd: permission denied");
		assertFails(() -> files.list("/tmp/etc"), "open /tmp/etc: permission denied");
		assertFails(() -> files.write("/tmp/hostdir/" + this.unique, "x"),
				"open /tmp/hostdir/" + this.unique + ": permission denied");
		assertFails(() -> files.makeDirectories("/tmp/hostdir/sub"), "mkdir /tmp/hostdir/sub: permission denied");
		assertFails(() -> files.list("/tmp/up"), "open /tmp/up: permission denied");
		assertFails(() -> files.read("/tmp/up/etc/passwd"), "open /tmp/up/etc/passwd: permission denied");
		assertThat(host.resolve(this.unique)).doesNotExist();
		assertThat(host.resolve("sub")).doesNotExist();
		files.deleteRecursively("/tmp/etc");
		files.delete("/tmp/hostdir");
		assertThat(files.list("/tmp")).containsExactly("up");
		assertThat(Path.of("/etc/passwd")).exists();
		assertThat(host).exists();
	}

	@BothRuntimes
	void linksToHostFilesAreRefused(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		Path hostFile = Files.writeString(host.resolve(this.unique), "original");
		Files.createSymbolicLink(fixture.hostPath(mode, sandbox, "/tmp").resolve("file"), hostFile);
		assertFails(() -> sandbox.files().read("/tmp/file"), "open /tmp/file: permission denied");
		assertFails(() -> sandbox.files().write("/tmp/file", "changed"), "open /tmp/file: permission denied");
		assertThat(hostFile).hasContent("original");
	}

	@BothRuntimes
	void linksToAnotherSandboxAreRefused(RuntimeMode mode) throws Exception {
		RuntimeSandbox victim = fixture.provision(mode);
		victim.files().write("/tmp/secret.txt", "secret");
		RuntimeSandbox intruder = fixture.provision(mode);
		Path victimTmp = fixture.hostPath(mode, victim, "/tmp");
		Path intruderTmp = fixture.hostPath(mode, intruder, "/tmp");
		Files.createSymbolicLink(intruderTmp.resolve("victim"), victimTmp);
		Files.createSymbolicLink(intruderTmp.resolve("secret"), victimTmp.resolve("secret.txt"));
		Files.createSymbolicLink(intruderTmp.resolve("base"), Path.of("../../.."));
		assertFails(() -> intruder.files().read("/tmp/victim/secret.txt"),
				"open /tmp/victim/secret.txt: permission denied");
		assertFails(() -> intruder.files().read("/tmp/secret"), "open /tmp/secret: permission denied");
		assertFails(() -> intruder.files().write("/tmp/secret", "stolen"), "open /tmp/secret: permission denied");
		assertFails(() -> intruder.files().write("/tmp/victim/planted.txt", "x"),
				"open /tmp/victim/planted.txt: permission denied");
		String viaBase = "/tmp/base/" + victim.id() + "/fs/tmp/secret.txt";
		assertFails(() -> intruder.files().read(viaBase), "open " + viaBase + ": permission denied");
		intruder.files().deleteRecursively("/tmp/victim");
		assertThat(victim.files().list("/tmp")).containsExactly("secret.txt");
		assertThat(new String(Files.readAllBytes(victimTmp.resolve("secret.txt")), StandardCharsets.UTF_8))
			.isEqualTo("secret");
	}

	@BothRuntimes
	void linkLoopsFail(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		Path tmp = fixture.hostPath(mode, sandbox, "/tmp");
		Files.createSymbolicLink(tmp.resolve("loop"), Path.of("/tmp/loop"));
		assertFails(() -> sandbox.files().read("/tmp/loop"), "open /tmp/loop: too many levels of symbolic links");
	}

	@BothRuntimes
	void nulBytesAreRefused(RuntimeMode mode) {
		SandboxFileSystem files = fixture.provision(mode).files();
		assertFails(() -> files.write("/tmp/a\0/../../etc/x", "x"), "open /tmp/a\0/../../etc/x: invalid argument");
		assertFails(() -> files.read("/tmp/a\0b"), "open /tmp/a\0b: invalid argument");
		assertFails(() -> files.deleteRecursively("/tmp/\0"), "unlinkat /tmp/\0: invalid argument");
		assertThat(files.list("/tmp")).isEmpty();
	}

	@BothRuntimes
	void replacedWritableDirectoryIsNotFollowed(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		Path workspace = fixture.hostPath(mode, sandbox, "/workspace");
		Files.delete(workspace);
		Files.createSymbolicLink(workspace, host);
		assertFails(() -> sandbox.files().write("/workspace/" + this.unique, "x"),
				"open /workspace/" + this.unique + ": permission denied");
		assertThat(host.resolve(this.unique)).doesNotExist();
	}

	@BothRuntimes
	void directoriesSwappedForLinksDuringAnOperationAreNotFollowed(RuntimeMode mode) throws Exception {
		RuntimeSandbox sandbox = fixture.provision(mode);
		SandboxFileSystem files = sandbox.files();
		Path target = Files.createDirectory(host.resolve(this.unique));
		Files.writeString(target.resolve("f.txt"), "HOST");
		Files.writeString(target.resolve("host-only.txt"), "HOST");
		Path tmp = fixture.hostPath(mode, sandbox, "/tmp");
		Path real = Files.createDirectory(tmp.resolve("real"));
		Files.writeString(real.resolve("f.txt"), "SANDBOX");
		Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
		Path swapped = tmp.resolve("d");
		AtomicBoolean racing = new AtomicBoolean(true);
		CompletableFuture<Void> sandboxProcess = CompletableFuture.runAsync(() -> {
			try {
				while (racing.get()) {
					swapIn(real, swapped);
					swapIn(link, swapped);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		List<String> leaks = new ArrayList<>();
		long deadline = System.nanoTime() + 1_500_000_000L;
		try {
			while (System.nanoTime() < deadline) {
				attempt(() -> {
					if (files.read("/tmp/d/f.txt").equals("HOST")) {
						leaks.add("read the host file");
					}
				});
				attempt(() -> files.write("/tmp/d/new.txt", "x"));
				attempt(() -> {
					if (files.list("/tmp/d").contains("host-only.txt")) {
						leaks.add("listed the host directory");
					}
				});
				attempt(() -> files.delete("/tmp/d/new.txt"));
				try (Stream<Path> entries = Files.list(target)) {
					if (entries.count() != 2) {
						leaks.add("changed the host directory");
					}
				}
			}
		}
		finally {
			racing.set(false);
			sandboxProcess.get();
		}
		assertThat(leaks).isEmpty();
		assertThat(target.resolve("new.txt")).doesNotExist();
		assertThat(target.resolve("f.txt")).hasContent("HOST");
		assertThat(target.resolve("host-only.txt")).hasContent("HOST");
	}

	/**
	 * What a sandbox process does with {@code mv}: give an entry the swapped name for a moment,
	 * then its own name back.
	 */
	private static void swapIn(Path entry, Path swapped) throws Exception {
		Files.move(entry, swapped, StandardCopyOption.ATOMIC_MOVE);
		Thread.onSpinWait();
		Files.move(swapped, entry, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void attempt(Runnable operation) {
		try {
			operation.run();
		}
		catch (SandboxFileException ex) {
			// The sandbox swapped the directory at the wrong moment: failing is fine.
		}
	}

}

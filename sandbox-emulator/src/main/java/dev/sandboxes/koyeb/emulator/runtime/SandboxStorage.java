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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host directories of one sandbox. {@code <base>/<sandboxId>/fs/} holds one writable
 * directory for each sandbox path in {@link #SANDBOX_DIRECTORIES} ({@code /tmp} is
 * {@code fs/tmp}, {@code /var/tmp} is {@code fs/var-tmp}); nothing else of the sandbox is
 * writable.
 */
final class SandboxStorage {

	/** The sandbox paths backed by the sandbox's own storage. */
	static final List<String> SANDBOX_DIRECTORIES = List.of("/tmp", "/var/tmp", "/root", "/home", "/workspace");

	/** Other users of the host do not see into a sandbox. */
	private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private final Path directory;

	private final Path files;

	private final List<MappedDirectory> mappedDirectories;

	private SandboxStorage(Path directory) {
		this.directory = directory;
		this.files = directory.resolve("fs");
		List<MappedDirectory> mapped = new ArrayList<>();
		for (String sandboxPath : SANDBOX_DIRECTORIES) {
			Path hostPath = this.files.resolve(sandboxPath.substring(1).replace('/', '-'));
			mapped.add(new MappedDirectory(sandboxPath, hostPath));
		}
		this.mappedDirectories = List.copyOf(mapped);
	}

	/**
	 * Create the storage of a sandbox, replacing whatever a previous emulator left under the same
	 * id.
	 * @param baseDirectory the real path of the directory holding every sandbox's storage
	 * @param sandboxId the id of the sandbox, already validated as a single safe path segment
	 * @return the storage, empty
	 * @throws IOException if a directory cannot be created
	 */
	static SandboxStorage create(Path baseDirectory, String sandboxId) throws IOException {
		SandboxStorage storage = new SandboxStorage(baseDirectory.resolve(sandboxId));
		DirectoryTrees.delete(storage.directory);
		Files.createDirectory(storage.directory, OWNER_ONLY);
		Files.createDirectory(storage.files);
		storage.createMappedDirectories();
		return storage;
	}

	/**
	 * The directory holding the writable directories, {@code <base>/<sandboxId>/fs}. No path the
	 * file API touches lies outside it.
	 * @return the directory
	 */
	Path files() {
		return this.files;
	}

	/**
	 * The writable directories, in the order of {@link #SANDBOX_DIRECTORIES}.
	 * @return the directories
	 */
	List<MappedDirectory> mappedDirectories() {
		return this.mappedDirectories;
	}

	/**
	 * The writable directory a sandbox path lies in.
	 * @param path a clean absolute sandbox path
	 * @return the directory, empty when the path lies outside the sandbox's storage
	 */
	Optional<MappedDirectory> mappingOf(String path) {
		MappedDirectory best = null;
		for (MappedDirectory mapped : this.mappedDirectories) {
			if (SandboxPaths.isWithin(path, mapped.sandboxPath())
					&& (best == null || mapped.sandboxPath().length() > best.sandboxPath().length())) {
				best = mapped;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Whether a sandbox path is a proper ancestor of a writable directory, such as {@code /} or
	 * {@code /var}: it exists in every sandbox although it is not part of the storage.
	 * @param path a clean absolute sandbox path
	 * @return whether it contains a writable directory
	 */
	boolean containsMappedDirectory(String path) {
		return this.mappedDirectories.stream()
			.map(MappedDirectory::sandboxPath)
			.anyMatch((mapped) -> !mapped.equals(path) && SandboxPaths.isWithin(mapped, path));
	}

	/**
	 * Whether a host path is one of the writable directories themselves, which a sandbox cannot
	 * remove (they are its mount points).
	 * @param hostPath a host path
	 * @return whether it is a writable directory's root
	 */
	boolean isMappedRoot(Path hostPath) {
		return this.mappedDirectories.stream().anyMatch((mapped) -> mapped.hostPath().equals(hostPath));
	}

	/**
	 * Empty the storage: every writable directory ends up empty, as on a fresh sandbox.
	 * @throws IOException if something cannot be removed
	 */
	void clear() throws IOException {
		DirectoryTrees.deleteContents(this.files);
		createMappedDirectories();
	}

	/**
	 * Remove the storage and everything in it. Idempotent.
	 * @throws IOException if something cannot be removed
	 */
	void delete() throws IOException {
		DirectoryTrees.delete(this.directory);
	}

	private void createMappedDirectories() throws IOException {
		for (MappedDirectory mapped : this.mappedDirectories) {
			Files.createDirectory(mapped.hostPath());
		}
	}

	/**
	 * A writable directory of the sandbox.
	 * @param sandboxPath where the sandbox sees it, for example {@code /var/tmp}
	 * @param hostPath where it is on the host
	 */
	record MappedDirectory(String sandboxPath, Path hostPath) {

		/**
		 * The segments of a sandbox path below this directory.
		 * @param path a clean absolute sandbox path within this directory
		 * @return the segments, empty for the directory itself
		 */
		List<String> segmentsOf(String path) {
			return SandboxPaths.segments(path.substring(this.sandboxPath.length()));
		}

	}

}

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

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A host path of a sandbox's storage, reached without ever letting the kernel follow a link. The
 * walk starts at the storage's {@link SandboxStorage#files() files} directory, which no sandbox
 * can change, and opens every directory down to the entry's parent relative to the one before,
 * refusing links ({@code openat} with {@code O_NOFOLLOW}); the operations then act on the entry's
 * name relative to that parent. A sandbox that swaps a directory of the path for a link, whenever
 * it does, makes the walk or the operation fail instead of redirecting it outside the storage.
 * The links a sandbox may follow are resolved beforehand by {@link SandboxPathResolver}, as
 * sandbox paths.
 * <p>
 * Where the platform offers no {@link SecureDirectoryStream} (only Linux does, and only Linux
 * isolates sandboxes), every operation is done by host path, open to such races.
 */
final class HostEntry implements Closeable {

	private final Path path;

	private final Path files;

	private final @Nullable SecureDirectoryStream<Path> root;

	private final @Nullable SecureDirectoryStream<Path> parent;

	private HostEntry(Path path, Path files, @Nullable SecureDirectoryStream<Path> root,
			@Nullable SecureDirectoryStream<Path> parent) {
		this.path = path;
		this.files = files;
		this.root = root;
		this.parent = parent;
	}

	/**
	 * Open the parent of a host path of the storage, walking from the storage's files directory.
	 * @param storage the storage
	 * @param path a host path inside {@link SandboxStorage#files()}, of a writable directory or
	 * below one
	 * @return the entry, to close
	 * @throws IOException if a directory of the path is missing, not a directory or a link
	 */
	// The streams belong to the entry, which closes them.
	@SuppressWarnings("StreamResourceLeak")
	static HostEntry open(SandboxStorage storage, Path path) throws IOException {
		Path files = storage.files();
		DirectoryStream<Path> stream = Files.newDirectoryStream(files);
		if (!(stream instanceof SecureDirectoryStream<Path> root)) {
			stream.close();
			return new HostEntry(path, files, null, null);
		}
		Path relative = files.relativize(path);
		SecureDirectoryStream<Path> directory = root;
		try {
			for (int i = 0; i < relative.getNameCount() - 1; i++) {
				SecureDirectoryStream<Path> next = directory.newDirectoryStream(relative.getName(i),
						LinkOption.NOFOLLOW_LINKS);
				closeUnlessRoot(directory, root);
				directory = next;
			}
		}
		catch (IOException ex) {
			closeUnlessRoot(directory, root);
			root.close();
			throw ex;
		}
		return new HostEntry(path, files, root, directory);
	}

	/**
	 * The host path of the entry, for decisions and messages only: never operate on it.
	 * @return the host path
	 */
	Path path() {
		return this.path;
	}

	/**
	 * The entry's attributes, of a link itself rather than of its target.
	 * @return the attributes, {@code null} if the entry cannot be read (it is missing, typically)
	 */
	@Nullable BasicFileAttributes attributesOrNull() {
		try {
			SecureDirectoryStream<Path> directory = this.parent;
			if (directory == null) {
				return Files.readAttributes(this.path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			}
			return directory.getFileAttributeView(name(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
				.readAttributes();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Open the entry as a file.
	 * @param options the options, which must include {@link LinkOption#NOFOLLOW_LINKS}
	 * @param mode the mode of a file created
	 * @return the channel
	 * @throws IOException if the file cannot be opened
	 */
	SeekableByteChannel newByteChannel(Set<? extends OpenOption> options, FileAttribute<?> mode) throws IOException {
		SecureDirectoryStream<Path> directory = this.parent;
		if (directory == null) {
			return Files.newByteChannel(this.path, options, mode);
		}
		return directory.newByteChannel(name(), options, mode);
	}

	/**
	 * Open the entry as a directory, a link to one being refused.
	 * @return the directory's entries
	 * @throws IOException if the directory cannot be opened
	 */
	// The caller closes the stream it is given.
	@SuppressWarnings("StreamResourceLeak")
	DirectoryStream<Path> newDirectoryStream() throws IOException {
		SecureDirectoryStream<Path> directory = this.parent;
		if (directory == null) {
			return Files.newDirectoryStream(this.path);
		}
		return directory.newDirectoryStream(name(), LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * Remove the entry, a file, a link or an empty directory.
	 * @throws IOException if it cannot be removed
	 */
	void delete() throws IOException {
		SecureDirectoryStream<Path> directory = this.parent;
		if (directory == null) {
			Files.delete(this.path);
			return;
		}
		boolean isDirectory = directory
			.getFileAttributeView(name(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
			.readAttributes()
			.isDirectory();
		if (isDirectory) {
			directory.deleteDirectory(name());
		}
		else {
			directory.deleteFile(name());
		}
	}

	/**
	 * Remove the entry and, if it is a directory, everything under it, as
	 * {@link DirectoryTrees#delete(Path)}. A missing entry is not an error.
	 * @throws IOException if something cannot be removed
	 */
	void deleteTree() throws IOException {
		SecureDirectoryStream<Path> directory = this.parent;
		if (directory == null) {
			DirectoryTrees.delete(this.path);
			return;
		}
		DirectoryTrees.deleteEntry(directory, parentPath(), name());
	}

	/**
	 * Remove everything inside the entry, a directory, keeping it.
	 * @throws IOException if something cannot be removed
	 */
	void deleteContents() throws IOException {
		SecureDirectoryStream<Path> directory = this.parent;
		if (directory == null) {
			DirectoryTrees.deleteContents(this.path);
			return;
		}
		try (SecureDirectoryStream<Path> entry = directory.newDirectoryStream(name(), LinkOption.NOFOLLOW_LINKS)) {
			DirectoryTrees.deleteContents(entry, this.path);
		}
	}

	/**
	 * Create the entry as a directory. Having no {@code mkdirat}, Java creates it under a unique
	 * name in the storage's files directory, which no sandbox can change, and moves it into place
	 * relative to the opened parent ({@code renameat}), which replaces nothing but an empty
	 * directory.
	 * @param mode the directory's mode
	 * @throws IOException if it cannot be created
	 */
	void createDirectory(FileAttribute<?> mode) throws IOException {
		SecureDirectoryStream<Path> from = this.root;
		SecureDirectoryStream<Path> directory = this.parent;
		if (from == null || directory == null) {
			Files.createDirectory(this.path, mode);
			return;
		}
		Path created = Path.of(".mkdir-" + UUID.randomUUID());
		Files.createDirectory(this.files.resolve(created), mode);
		try {
			from.move(created, directory, name());
		}
		catch (IOException ex) {
			try {
				from.deleteDirectory(created);
			}
			catch (IOException cleanupFailure) {
				ex.addSuppressed(cleanupFailure);
			}
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		SecureDirectoryStream<Path> from = this.root;
		SecureDirectoryStream<Path> directory = this.parent;
		if (from != null && directory != null) {
			try {
				closeUnlessRoot(directory, from);
			}
			finally {
				from.close();
			}
		}
	}

	private Path name() {
		// The storage's files directory itself is never an entry: the path has a name.
		return this.path.getFileName();
	}

	private Path parentPath() {
		// As for name(), the path has a parent.
		return Objects.requireNonNull(this.path.getParent());
	}

	private static void closeUnlessRoot(SecureDirectoryStream<Path> directory, SecureDirectoryStream<Path> root)
			throws IOException {
		if (directory != root) {
			directory.close();
		}
	}

}

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
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes directory trees that sandboxes wrote, never following a symbolic link. Where the
 * platform offers {@link SecureDirectoryStream}s (Linux), every entry is opened and removed
 * relative to its already opened parent and trees are walked without recursion, so neither a
 * sandbox that swaps a directory for a link while it is being removed nor a very deep tree can
 * make the emulator remove anything outside or fail. Elsewhere (where sandboxes are not isolated
 * anyway) trees are removed by path. A directory a sandbox made unreadable or read-only gets its
 * owner's permissions back first.
 */
final class DirectoryTrees {

	private static final Set<PosixFilePermission> OWNER_ACCESS = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private DirectoryTrees() {
	}

	/**
	 * Remove a path and, if it is a directory, everything under it. A symbolic link is removed, not
	 * followed. A missing path is not an error.
	 * @param path the path, whose parent is opened by path: it must not lie where a sandbox can
	 * write ({@link HostEntry#deleteTree()} removes what it can)
	 * @throws IOException if something cannot be removed
	 */
	static void delete(Path path) throws IOException {
		Path absolute = path.toAbsolutePath();
		Path parent = absolute.getParent();
		Path name = absolute.getFileName();
		if (parent == null || name == null) {
			throw new IOException("Refusing to remove a file system root");
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent)) {
			if (stream instanceof SecureDirectoryStream<Path> secure) {
				deleteEntry(secure, parent, name);
				return;
			}
		}
		catch (NoSuchFileException ex) {
			return;
		}
		deleteByPath(absolute);
	}

	/**
	 * Remove everything inside a directory, keeping the directory.
	 * @param directory the directory, trusted not to be a link
	 * @throws IOException if something cannot be removed
	 */
	static void deleteContents(Path directory) throws IOException {
		List<Path> names;
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			if (stream instanceof SecureDirectoryStream<Path> secure) {
				deleteContents(secure, directory);
				return;
			}
			names = names(stream);
		}
		for (Path name : names) {
			deleteByPath(directory.resolve(name));
		}
	}

	/**
	 * Remove everything inside an opened directory, keeping the directory.
	 * @param directory the directory
	 * @param path its path, used only where a directory without permissions cannot be opened
	 * @throws IOException if something cannot be removed
	 */
	static void deleteContents(SecureDirectoryStream<Path> directory, Path path) throws IOException {
		for (Path name : names(directory)) {
			deleteEntry(directory, path, name);
		}
	}

	/**
	 * Remove an entry of an opened directory and, if it is a directory, everything under it. A
	 * symbolic link is removed, not followed. A missing entry is not an error.
	 * @param parent the directory
	 * @param parentPath its path, used only where a directory without permissions cannot be opened
	 * @param name the entry's name
	 * @throws IOException if something cannot be removed
	 */
	static void deleteEntry(SecureDirectoryStream<Path> parent, Path parentPath, Path name) throws IOException {
		if (!isDirectory(parent, name)) {
			deleteFile(parent, name);
			return;
		}
		Deque<OpenDirectory> open = new ArrayDeque<>();
		try {
			pushIfPresent(open, parent, parentPath, name);
			while (!open.isEmpty()) {
				OpenDirectory current = open.peek();
				if (!current.remaining().hasNext()) {
					open.pop().stream().close();
					deleteDirectory(open.isEmpty() ? parent : open.peek().stream(), current.name());
				}
				else {
					Path child = current.remaining().next();
					if (isDirectory(current.stream(), child)) {
						pushIfPresent(open, current.stream(), current.path(), child);
					}
					else {
						deleteFile(current.stream(), child);
					}
				}
			}
		}
		finally {
			for (OpenDirectory directory : open) {
				directory.stream().close();
			}
		}
	}

	private static void pushIfPresent(Deque<OpenDirectory> open, SecureDirectoryStream<Path> parent, Path parentPath,
			Path name) throws IOException {
		try {
			open.push(OpenDirectory.open(parent, parentPath, name));
		}
		catch (NoSuchFileException ex) {
			// Removed by someone else meanwhile.
		}
	}

	private static boolean isDirectory(SecureDirectoryStream<Path> parent, Path name) throws IOException {
		try {
			return parent.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
				.readAttributes()
				.isDirectory();
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	private static void deleteFile(SecureDirectoryStream<Path> parent, Path name) throws IOException {
		try {
			parent.deleteFile(name);
		}
		catch (NoSuchFileException ex) {
			// Already gone.
		}
	}

	private static void deleteDirectory(SecureDirectoryStream<Path> parent, Path name) throws IOException {
		try {
			parent.deleteDirectory(name);
		}
		catch (NoSuchFileException ex) {
			// Already gone.
		}
	}

	private static void deleteByPath(Path path) throws IOException {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		if (attributes.isDirectory()) {
			grantOwnerAccess(Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS),
					path);
			List<Path> children;
			try (Stream<Path> entries = Files.list(path)) {
				children = entries.toList();
			}
			for (Path child : children) {
				deleteByPath(child);
			}
		}
		Files.deleteIfExists(path);
	}

	private static List<Path> names(DirectoryStream<Path> stream) throws IOException {
		List<Path> names = new ArrayList<>();
		try {
			stream.forEach((entry) -> names.add(entry.getFileName()));
		}
		catch (DirectoryIteratorException ex) {
			// Its cause is never null.
			throw Objects.requireNonNull(ex.getCause());
		}
		return names;
	}

	private static void grantOwnerAccess(PosixFileAttributeView view, Path path) throws IOException {
		Set<PosixFilePermission> permissions = view.readAttributes().permissions();
		if (!permissions.containsAll(OWNER_ACCESS)) {
			permissions.addAll(OWNER_ACCESS);
			try {
				view.setPermissions(permissions);
			}
			catch (AccessDeniedException ex) {
				// A directory without any permission cannot be opened by a non-root owner: use its
				// path. Root is never denied, and a link fails with ELOOP rather than being followed.
				Files.setPosixFilePermissions(path, permissions);
			}
		}
	}

	/**
	 * A directory being emptied: its open stream and the names still to remove.
	 */
	private record OpenDirectory(SecureDirectoryStream<Path> stream, Path path, Path name, Iterator<Path> remaining) {

		static OpenDirectory open(SecureDirectoryStream<Path> parent, Path parentPath, Path name) throws IOException {
			Path path = parentPath.resolve(name);
			grantOwnerAccess(parent.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS),
					path);
			SecureDirectoryStream<Path> stream = parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
			try {
				return new OpenDirectory(stream, path, name, names(stream).iterator());
			}
			catch (IOException ex) {
				stream.close();
				throw ex;
			}
		}

	}

}

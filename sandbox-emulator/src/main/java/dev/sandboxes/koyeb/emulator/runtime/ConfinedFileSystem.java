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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The file API of one sandbox, confined to its storage by a {@link SandboxPathResolver}. Paths
 * are normalised lexically first ({@code /tmp/../etc/passwd} is {@code /etc/passwd}); paths
 * outside the storage are refused the way a read-only host would refuse them (writes get
 * {@code read-only file system}, reads {@code permission denied}) and a symbolic link leading
 * outside gets {@code permission denied}. Every operation acts on a {@link HostEntry}, reached
 * without following links, so a sandbox that swaps a directory for a link while the emulator
 * works makes the operation fail instead of reaching the host. Errors mimic Go's and name the
 * sandbox path. Files are owned by the emulator's user.
 */
final class ConfinedFileSystem implements SandboxFileSystem {

	/** The largest file {@link #read(String)} returns, as the executor's {@code read_file} limit. */
	static final long MAX_READ_BYTES = 64L * 1024 * 1024;

	private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

	private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_MODE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));

	private static final Set<OpenOption> WRITE_OPTIONS = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
			StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);

	private static final Set<OpenOption> READ_OPTIONS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

	private final SandboxPathResolver paths;

	ConfinedFileSystem(SandboxPathResolver paths) {
		this.paths = paths;
	}

	@Override
	public void write(String path, String content) {
		try (HostEntry file = open("open", path, true, true);
				SeekableByteChannel channel = newByteChannel(path, file, WRITE_OPTIONS)) {
			ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
		}
		catch (IOException ex) {
			throw FileErrors.of("write", path, ex);
		}
	}

	@Override
	public String read(String path) {
		byte[] content;
		try (HostEntry file = open("open", path, false, true);
				SeekableByteChannel channel = newByteChannel(path, file, READ_OPTIONS);
				InputStream input = Channels.newInputStream(channel)) {
			long size = channel.size();
			content = input.readNBytes((int) Math.min(size, MAX_READ_BYTES) + 1);
			if (size > MAX_READ_BYTES || content.length > MAX_READ_BYTES) {
				throw FileErrors.of("read", path, "file too large for read_file (" + Math.max(size, content.length)
						+ " bytes, at most " + MAX_READ_BYTES + ")");
			}
		}
		catch (IOException ex) {
			throw FileErrors.of("read", path, ex);
		}
		return new String(content, StandardCharsets.UTF_8);
	}

	@Override
	public void delete(String path) {
		try (HostEntry target = open("remove", path, true, false)) {
			if (this.paths.storage().isMappedRoot(target.path())) {
				throw FileErrors.of("remove", path, FileErrors.BUSY);
			}
			target.delete();
		}
		catch (IOException ex) {
			throw FileErrors.of("remove", path, ex);
		}
	}

	@Override
	public void makeDirectories(String path) {
		checkSyntax("mkdir", path);
		String absolute = SandboxPaths.absolute(path);
		if (!this.paths.storage().containsMappedDirectory(absolute)) {
			makeDirectories(absolute, path);
		}
	}

	@Override
	public void deleteRecursively(String path) {
		if (path.isEmpty()) {
			return;
		}
		HostEntry target;
		try {
			target = entry("unlinkat", path, true, false);
		}
		catch (NoSuchFileException ex) {
			// A directory of the path is missing, so is the path.
			return;
		}
		catch (IOException ex) {
			throw FileErrors.of("unlinkat", path, ex);
		}
		try (target) {
			if (this.paths.storage().isMappedRoot(target.path())) {
				target.deleteContents();
				throw FileErrors.of("unlinkat", path, FileErrors.BUSY);
			}
			target.deleteTree();
		}
		catch (IOException ex) {
			throw FileErrors.of("unlinkat", path, ex);
		}
	}

	@Override
	public List<String> list(String path) {
		List<String> names = new ArrayList<>();
		try (HostEntry directory = open("open", path, false, true);
				DirectoryStream<Path> entries = directory.newDirectoryStream()) {
			entries.forEach((entry) -> names.add(entry.getFileName().toString()));
		}
		catch (NotDirectoryException ex) {
			throw FileErrors.of("readdirent", path, ex);
		}
		catch (DirectoryIteratorException ex) {
			// Its cause is never null.
			throw FileErrors.of("readdirent", path, Objects.requireNonNull(ex.getCause()));
		}
		catch (IOException ex) {
			throw FileErrors.of("open", path, ex);
		}
		names.sort(null);
		return names;
	}

	/**
	 * {@code os.MkdirAll}: nothing to do for an existing directory, else the parent first, then
	 * the directory; an error names the segment that failed.
	 */
	private void makeDirectories(String absolute, String requested) {
		BasicFileAttributes attributes = existingAttributes(requested);
		if (attributes != null) {
			if (attributes.isDirectory()) {
				return;
			}
			throw FileErrors.of("mkdir", requested, "not a directory");
		}
		String parent = SandboxPaths.parent(absolute);
		if (this.paths.storage().mappingOf(parent).isPresent()) {
			makeDirectories(parent, parent);
		}
		try (HostEntry directory = open("mkdir", requested, true, true)) {
			try {
				directory.createDirectory(DIRECTORY_MODE);
			}
			catch (IOException ex) {
				BasicFileAttributes existing = directory.attributesOrNull();
				if (existing == null || !existing.isDirectory()) {
					throw ex;
				}
			}
		}
		catch (IOException ex) {
			throw FileErrors.of("mkdir", requested, ex);
		}
	}

	/**
	 * The attributes of what a path to create as a directory designates.
	 * @return the attributes, {@code null} if nothing is there or a directory of the path is
	 * missing or a file, which creating the parents first reports
	 */
	private @Nullable BasicFileAttributes existingAttributes(String requested) {
		try (HostEntry directory = entry("mkdir", requested, true, true)) {
			return directory.attributesOrNull();
		}
		catch (NoSuchFileException | NotDirectoryException ex) {
			return null;
		}
		catch (IOException ex) {
			throw FileErrors.of("mkdir", requested, ex);
		}
	}

	/**
	 * Resolve a sandbox path and open its host entry, reporting every failure.
	 */
	private HostEntry open(String operation, String path, boolean writing, boolean followFinalLink) {
		try {
			return entry(operation, path, writing, followFinalLink);
		}
		catch (IOException ex) {
			throw FileErrors.of(operation, path, ex);
		}
	}

	/**
	 * Resolve a sandbox path and open its host entry, reporting the path's syntax and a path out of
	 * the storage.
	 * @throws IOException if links loop or a directory of the host path cannot be opened
	 */
	private HostEntry entry(String operation, String path, boolean writing, boolean followFinalLink)
			throws IOException {
		checkSyntax(operation, path);
		try {
			return this.paths.open(SandboxPaths.absolute(path), followFinalLink);
		}
		catch (OutsideStorageException ex) {
			boolean denied = ex.throughSymbolicLink() || !writing;
			throw FileErrors.of(operation, path, denied ? FileErrors.PERMISSION_DENIED : FileErrors.READ_ONLY);
		}
	}

	private static void checkSyntax(String operation, String path) {
		if (path.isEmpty()) {
			throw FileErrors.of(operation, path, FileErrors.NO_SUCH_FILE);
		}
		if (path.indexOf('\0') >= 0) {
			throw FileErrors.of(operation, path, FileErrors.INVALID_ARGUMENT);
		}
	}

	/**
	 * Open a file; opening a FIFO would block until a process opens its other end, so anything
	 * that is neither a regular file, a directory nor missing is refused.
	 */
	private static SeekableByteChannel newByteChannel(String path, HostEntry file, Set<? extends OpenOption> options) {
		BasicFileAttributes attributes = file.attributesOrNull();
		if (attributes != null && attributes.isOther()) {
			throw FileErrors.of("open", path, "not a regular file");
		}
		try {
			return file.newByteChannel(options, FILE_MODE);
		}
		catch (IOException ex) {
			throw FileErrors.of("open", path, ex);
		}
	}

}

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
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a bubblewrap sandbox sees of the host, read-only: the system's programs, libraries and
 * configuration ({@code /usr}, {@code /bin}, {@code /sbin}, {@code /lib*}, {@code /etc}), and
 * nothing else of it: not the users' directories, the emulator's, the build's, {@code /var},
 * {@code /opt}, {@code /sys} or its cgroups. In {@code /etc}, what the host keeps from its
 * unprivileged users (a file others cannot read, such as {@code shadow} or an SSH host key, or a
 * directory they cannot list or enter, such as {@code ssl/private}) is hidden: an empty file or
 * an empty directory stands in its place, since a sandbox's root, without a user namespace when
 * the emulator runs as root, could read it.
 *
 * @param options the bubblewrap options that build the view
 * @param topLevel the names of the top-level host entries in the view
 */
record HostView(List<String> options, Set<String> topLevel) {

	private static final Set<String> SYSTEM = Set.of("bin", "etc", "lib", "lib32", "lib64", "libx32", "sbin", "usr");

	private static final Path CONFIGURATION = Path.of("/etc");

	private static final String EMPTY_FILE = "/dev/null";

	/**
	 * The view of this host as it is now.
	 * @return the view
	 */
	static HostView ofThisHost() {
		List<String> options = new ArrayList<>();
		Set<String> topLevel = new HashSet<>();
		try (Stream<Path> entries = Files.list(Path.of("/"))) {
			for (Path entry : entries.sorted().toList()) {
				String name = String.valueOf(entry.getFileName());
				if (SYSTEM.contains(name)) {
					options.addAll(Files.isSymbolicLink(entry)
							? List.of("--symlink", Files.readSymbolicLink(entry).toString(), entry.toString())
							: List.of("--ro-bind", entry.toString(), entry.toString()));
					topLevel.add(name);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the host's root directory", ex);
		}
		if (topLevel.contains("etc") && !Files.isSymbolicLink(CONFIGURATION)) {
			options.addAll(hidingPrivateEntries(CONFIGURATION));
		}
		return new HostView(List.copyOf(options), Set.copyOf(topLevel));
	}

	/**
	 * Options that hide the entries of a tree that others may not read, without following links.
	 */
	private static List<String> hidingPrivateEntries(Path root) {
		List<String> options = new ArrayList<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
						throws IOException {
					Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
					if (!directory.equals(root) && !(permissions.contains(PosixFilePermission.OTHERS_READ)
							&& permissions.contains(PosixFilePermission.OTHERS_EXECUTE))) {
						options.addAll(List.of("--tmpfs", directory.toString()));
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					if (attributes.isRegularFile()
							&& !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
						options.addAll(List.of("--ro-bind", EMPTY_FILE, file.toString()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// Unreadable by the emulator: unreadable by its sandboxes too.
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + root, ex);
		}
		return options;
	}

}

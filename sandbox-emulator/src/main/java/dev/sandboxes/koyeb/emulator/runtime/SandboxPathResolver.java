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
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.sandboxes.koyeb.emulator.runtime.SandboxStorage.MappedDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Maps sandbox paths to host paths inside the sandbox's storage. Symbolic links are resolved the
 * way the sandbox sees them: a link's target is a sandbox path (an absolute target such as
 * {@code /etc} means the sandbox's {@code /etc}, never a host directory of the same name), mapped
 * again. So no path and no link, whoever made it, leads the emulator outside the storage.
 * <p>
 * Resolution reads the storage by path, so a sandbox process can change it meanwhile: the file
 * API therefore operates through {@link #open(String, boolean)}, which reaches the resolved host
 * path again without following any link ({@link HostEntry}), so that such a change makes the
 * operation fail rather than leave the storage.
 */
final class SandboxPathResolver {

	/** As many links as Linux follows before {@code ELOOP}. */
	private static final int MAX_SYMBOLIC_LINKS = 40;

	private final SandboxStorage storage;

	SandboxPathResolver(SandboxStorage storage) {
		this.storage = storage;
	}

	/**
	 * The storage paths are resolved in.
	 * @return the storage
	 */
	SandboxStorage storage() {
		return this.storage;
	}

	/**
	 * Resolve a sandbox path to the host path it designates. Missing segments are fine (the
	 * operation that follows reports them); every existing segment is resolved through links.
	 * @param path a clean absolute sandbox path
	 * @param followFinalLink whether a link as the last segment is followed (read, write) or is the
	 * object itself (remove)
	 * @return the host path, inside the storage, free of links except perhaps the last segment
	 * @throws OutsideStorageException if the path or a link leads outside the storage
	 * @throws IOException if links loop or the storage cannot be read
	 */
	Path resolve(String path, boolean followFinalLink) throws OutsideStorageException, IOException {
		String current = path;
		boolean throughLink = false;
		int links = 0;
		while (true) {
			MappedDirectory mapped = mapping(current, throughLink);
			List<String> segments = mapped.segmentsOf(current);
			Path host = mapped.hostPath();
			String target = null;
			for (int i = 0; i < segments.size(); i++) {
				Path next = host.resolve(segments.get(i));
				boolean last = i == segments.size() - 1;
				if ((!last || followFinalLink) && Files.isSymbolicLink(next)) {
					if (++links > MAX_SYMBOLIC_LINKS) {
						throw new FileSystemException(path, null, "Too many levels of symbolic links");
					}
					target = linkTarget(mapped, segments, i, Files.readSymbolicLink(next).toString());
					break;
				}
				host = next;
			}
			if (target == null) {
				verifyInside(followFinalLink ? host : host.getParent());
				return host;
			}
			current = target;
			throughLink = true;
		}
	}

	/**
	 * Resolve a sandbox path as {@link #resolve(String, boolean)} does and open the parent of the
	 * host path it designates without following links.
	 * @param path a clean absolute sandbox path
	 * @param followFinalLink whether a link as the last segment is followed (read, write) or is the
	 * object itself (remove)
	 * @return the host entry, to close
	 * @throws OutsideStorageException if the path or a link leads outside the storage
	 * @throws IOException if links loop, a directory of the host path is missing, is not a
	 * directory or became a link since resolution, or the storage cannot be read
	 */
	HostEntry open(String path, boolean followFinalLink) throws OutsideStorageException, IOException {
		return HostEntry.open(this.storage, resolve(path, followFinalLink));
	}

	/**
	 * The host directory of a sandbox directory, for a command's working directory.
	 * @param path a clean absolute sandbox path
	 * @return the host directory, empty unless the path is an existing directory of the storage
	 */
	Optional<Path> directory(String path) {
		try {
			Path host = resolve(path, true);
			return Files.isDirectory(host) ? Optional.of(host) : Optional.empty();
		}
		catch (OutsideStorageException | IOException | InvalidPathException ex) {
			return Optional.empty();
		}
	}

	private MappedDirectory mapping(String path, boolean throughLink) throws OutsideStorageException {
		Optional<MappedDirectory> mapped = this.storage.mappingOf(path);
		if (mapped.isEmpty()) {
			throw new OutsideStorageException(throughLink);
		}
		return mapped.get();
	}

	private static String linkTarget(MappedDirectory mapped, List<String> segments, int linkIndex, String target) {
		String linkDirectory = mapped.sandboxPath() + "/" + String.join("/", segments.subList(0, linkIndex));
		String rest = String.join("/", segments.subList(linkIndex + 1, segments.size()));
		String resolved = target.startsWith("/") ? target : linkDirectory + "/" + target;
		return SandboxPaths.absolute(rest.isEmpty() ? resolved : resolved + "/" + rest);
	}

	/**
	 * Belt and braces: the real path of the deepest existing ancestor must lie in the storage.
	 */
	private void verifyInside(@Nullable Path host) throws OutsideStorageException, IOException {
		Path existing = host;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			existing = existing.getParent();
		}
		if (existing == null || !existing.toRealPath().startsWith(this.storage.files())) {
			throw new OutsideStorageException(true);
		}
	}

}

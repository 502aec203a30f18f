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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.dockerjava.api.exception.DockerException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file API of a docker sandbox: paths are the container's own (relative ones resolve against
 * {@code /root}, {@code ..} is resolved lexically first, as {@link ConfinedFileSystem} does), the
 * whole container is the sandbox's. Every operation runs a small POSIX {@code sh} script in the
 * container, as root like the executor (any image with {@code sh}, {@code cat}, {@code rm},
 * {@code rmdir}, {@code mkdir}, {@code readlink} and {@code wc} will do: busybox, Debian,
 * Alpine...), which reports a reason the emulator turns into the same Go-style error text as
 * {@link ConfinedFileSystem}: {@code <operation> <path>: <reason>}. Paths are the scripts'
 * arguments, never part of them. A write uploads its content through the archive API, next to the
 * root under a hidden name, and has {@code cat} copy it into place: the file is written as Go's
 * {@code os.WriteFile} writes it (a file that exists keeps its mode and owner, a new one gets
 * 0644, a link is written through). A read gets the file from {@code cat}, bytes as they are: the
 * archive API would cost as much, and docker-java reads an archive to its end before closing it,
 * which a directory or a file over the limit would make slow.
 */
final class DockerFileSystem implements SandboxFileSystem {

	private static final Logger logger = LoggerFactory.getLogger(DockerFileSystem.class);

	private static final String IO_ERROR = "input/output error";

	private static final String LOOP = "too many levels of symbolic links";

	/**
	 * Shell functions of every script. {@code walk} checks the directories that lead to a path
	 * (all its segments but the last) as the kernel walks them, and prints why the first that is
	 * not usable is not; {@code kind} says why a path is not a directory; {@code reason} turns an
	 * error message (glibc's, musl's or busybox's wording) into an error name.
	 */
	private static final String FUNCTIONS = """
			umask 022
			walk() {
				w=
				r=${1#/}
				while :; do
					case $r in */*) ;; *) return 0 ;; esac
					w=$w/${r%%/*}
					r=${r#*/}
					[ -d "$w" ] && continue
					kind "$w"
					return 1
				done
			}
			kind() {
				if [ -e "$1" ]; then echo ENOTDIR
				elif [ -L "$1" ] && loops "$1"; then echo ELOOP
				else echo ENOENT
				fi
			}
			loops() {
				case $(cat -- "$1" 2>&1 > /dev/null) in *[Ll]oop* | *levels*) return 0 ;; esac
				return 1
			}
			reason() {
				case $1 in
				*"No such file"* | *[Nn]onexistent*) echo ENOENT ;;
				*"Not a directory"*) echo ENOTDIR ;;
				*"Is a directory"*) echo EISDIR ;;
				*"not empty"*) echo ENOTEMPTY ;;
				*"File exists"*) echo EEXIST ;;
				*"Permission denied"*) echo EACCES ;;
				*"not permitted"*) echo EPERM ;;
				*"Read-only"*) echo EROFS ;;
				*[Bb]usy*) echo EBUSY ;;
				*"No space"*) echo ENOSPC ;;
				*[Ll]oop* | *levels*) echo ELOOP ;;
				*) echo EIO ;;
				esac
			}
			""";

	/** {@code write <path> <staged file>}: copies the staged content into the file, removes it. */
	private static final String WRITE = FUNCTIONS + """
			p=$1
			s=$2
			if ! r=$(walk "$p"); then echo "open $r"
			elif [ -d "$p" ]; then echo "open EISDIR"
			elif [ -e "$p" ] && ! [ -f "$p" ]; then echo "open NOTREG"
			elif m=$( (cat -- "$s" > "$p") 2>&1 ); then echo ok
			else
				r=$(reason "$m")
				case $r in ENOSPC | EIO) echo "write $r" ;; *) echo "open $r" ;; esac
			fi
			rm -f -- "$s"
			""";

	/**
	 * {@code read <path>}: why the file cannot be read, {@code large <size>} for a file over the
	 * limit, or {@code cat <size>} followed by its content. Only a regular file is opened, so that
	 * a FIFO does not block the read.
	 */
	private static final String READ = FUNCTIONS + """
			p=$1
			if ! r=$(walk "$p"); then echo "open $r"
			elif [ -d "$p" ]; then echo "read EISDIR"
			elif [ -f "$p" ]; then
				n=$(wc -c < "$p") || { echo "open EIO"; exit 0; }
				n=$((n))
				if [ "$n" -gt %d ]; then echo "large $n"; else echo "cat $n"; exec cat -- "$p"; fi
			elif [ -e "$p" ]; then echo "open NOTREG"
			else echo "open $(kind "$p")"
			fi
			""".formatted(ConfinedFileSystem.MAX_READ_BYTES);

	/** {@code list <path>}: {@code ok/} and every name followed by a slash, which no name holds. */
	private static final String LIST = FUNCTIONS + """
			p=$1
			if ! r=$(walk "$p"); then echo "open $r"
			elif [ -d "$p" ]; then
				printf 'ok/'
				for f in "$p"/* "$p"/.[!.]* "$p"/..?*; do
					if [ -e "$f" ] || [ -L "$f" ]; then printf '%s/' "${f##*/}"; fi
				done
			elif [ -e "$p" ]; then echo "readdirent ENOTDIR"
			else echo "open $(kind "$p")"
			fi
			""";

	/** {@code delete <path>}: {@code os.Remove}, a link being removed rather than followed. */
	private static final String DELETE = FUNCTIONS + """
			p=$1
			if ! r=$(walk "$p"); then echo "remove $r"
			elif [ -L "$p" ] || { [ -e "$p" ] && ! [ -d "$p" ]; }; then
				if m=$(rm -- "$p" 2>&1); then echo ok; else echo "remove $(reason "$m")"; fi
			elif [ -d "$p" ]; then
				if m=$(rmdir -- "$p" 2>&1); then echo ok; else echo "remove $(reason "$m")"; fi
			else echo "remove ENOENT"
			fi
			""";

	/**
	 * {@code mkdir <path>}: {@code os.MkdirAll}, each missing directory created in turn; a
	 * failure names its reason and the segment that failed ({@code ELOOP} the whole path, as the
	 * plain runtime resolves links before creating anything). As there, a dangling link is
	 * followed: the directory is created where it leads.
	 */
	private static final String MAKE_DIRECTORIES = FUNCTIONS + """
			p=$1
			w=
			r=${p#/}
			while [ -n "$r" ]; do
				case $r in */*) s=${r%%/*}; r=${r#*/} ;; *) s=$r; r= ;; esac
				w=$w/$s
				[ -d "$w" ] && continue
				if [ -e "$w" ]; then echo "ENOTDIR $w"; exit 0; fi
				t=$w
				if [ -L "$w" ]; then
					if loops "$w"; then echo "ELOOP $p"; exit 0; fi
					while [ -L "$t" ]; do
						l=$(readlink -- "$t")
						case $l in /*) t=$l ;; *) t=${t%/*}/$l ;; esac
					done
				fi
				if ! m=$(mkdir -- "$t" 2>&1) && ! [ -d "$t" ]; then echo "$(reason "$m") $w"; exit 0; fi
			done
			echo ok
			""";

	/** {@code deleteRecursively <path>}: {@code os.RemoveAll}, a missing path being fine. */
	private static final String DELETE_RECURSIVELY = FUNCTIONS + """
			p=$1
			if [ "$p" = / ]; then echo "unlinkat EBUSY"
			elif ! r=$(walk "$p"); then
				case $r in ENOENT) echo ok ;; *) echo "unlinkat $r" ;; esac
			elif ! [ -e "$p" ] && ! [ -L "$p" ]; then echo ok
			elif m=$(rm -rf -- "$p" 2>&1); then echo ok
			else echo "unlinkat $(reason "$m")"
			fi
			""";

	/** The Go texts of the reasons the scripts report. */
	private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("ENOENT", FileErrors.NO_SUCH_FILE),
			Map.entry("ENOTDIR", "not a directory"), Map.entry("EISDIR", "is a directory"),
			Map.entry("ENOTEMPTY", "directory not empty"), Map.entry("EEXIST", "file exists"),
			Map.entry("EACCES", FileErrors.PERMISSION_DENIED), Map.entry("EPERM", "operation not permitted"),
			Map.entry("EROFS", FileErrors.READ_ONLY), Map.entry("EBUSY", FileErrors.BUSY),
			Map.entry("ENOSPC", "no space left on device"),
			Map.entry("ELOOP", LOOP),
			Map.entry("EINVAL", FileErrors.INVALID_ARGUMENT), Map.entry("NOTREG", "not a regular file"),
			Map.entry("EIO", IO_ERROR));

	private final Supplier<DockerContainer> container;

	/**
	 * Create the file API of a sandbox.
	 * @param container the sandbox's current container
	 */
	DockerFileSystem(Supplier<DockerContainer> container) {
		this.container = container;
	}

	@Override
	public void write(String path, String content) {
		checkSyntax("open", path);
		DockerContainer current = this.container.get();
		String staged = ".koyeb-emulator-write-" + UUID.randomUUID();
		try {
			current.copyTo("/", archive(staged, content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (DockerException ex) {
			logger.debug("Cannot upload a file to container {}", current.id(), ex);
			throw FileErrors.of("open", path, IO_ERROR);
		}
		String result = run(current, "open", path, WRITE, SandboxPaths.absolute(path), "/" + staged);
		if (!result.equals("ok")) {
			throw failure(path, result);
		}
	}

	@Override
	public String read(String path) {
		checkSyntax("open", path);
		byte[] output = runForBytes(this.container.get(), "open", path, READ, SandboxPaths.absolute(path));
		int newline = indexOf(output, (byte) '\n');
		String status = new String(output, 0, (newline < 0) ? output.length : newline, StandardCharsets.UTF_8);
		if (status.startsWith("cat ")) {
			byte[] content = Arrays.copyOfRange(output, newline + 1, output.length);
			if (content.length > ConfinedFileSystem.MAX_READ_BYTES) {
				throw tooLarge(path, content.length);
			}
			return new String(content, StandardCharsets.UTF_8);
		}
		if (status.startsWith("large ")) {
			throw tooLarge(path, Long.parseLong(status.substring(6).strip()));
		}
		throw failure(path, status);
	}

	@Override
	public void delete(String path) {
		checkSyntax("remove", path);
		String result = run(this.container.get(), "remove", path, DELETE, SandboxPaths.absolute(path));
		if (!result.equals("ok")) {
			throw failure(path, result);
		}
	}

	@Override
	public void makeDirectories(String path) {
		checkSyntax("mkdir", path);
		String absolute = SandboxPaths.absolute(path);
		String result = run(this.container.get(), "mkdir", path, MAKE_DIRECTORIES, absolute);
		if (result.equals("ok")) {
			return;
		}
		int space = result.indexOf(' ');
		String reason = (space < 0) ? result : result.substring(0, space);
		String segment = (space < 0) ? absolute : result.substring(space + 1);
		throw FileErrors.of("mkdir", segment.equals(absolute) ? path : segment, REASONS.getOrDefault(reason, IO_ERROR));
	}

	@Override
	public void deleteRecursively(String path) {
		if (path.isEmpty()) {
			return;
		}
		checkSyntax("unlinkat", path);
		String result = run(this.container.get(), "unlinkat", path, DELETE_RECURSIVELY, SandboxPaths.absolute(path));
		if (!result.equals("ok")) {
			throw failure(path, result);
		}
	}

	@Override
	public List<String> list(String path) {
		checkSyntax("open", path);
		String result = run(this.container.get(), "open", path, LIST, SandboxPaths.absolute(path));
		if (!result.startsWith("ok/")) {
			throw failure(path, result);
		}
		List<String> names = new ArrayList<>();
		int start = 3;
		for (int slash = result.indexOf('/', start); slash >= 0; slash = result.indexOf('/', start)) {
			names.add(result.substring(start, slash));
			start = slash + 1;
		}
		names.sort(null);
		return names;
	}

	/**
	 * A tar archive of one file, readable by its owner only.
	 */
	private static byte[] archive(String name, byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 2048);
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
			TarArchiveEntry entry = new TarArchiveEntry(name);
			entry.setSize(content.length);
			entry.setMode(0600);
			tar.putArchiveEntry(entry);
			tar.write(content);
			tar.closeArchiveEntry();
			tar.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot archive a file", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Run a script on a path and return the first line it printed.
	 */
	private static String run(DockerContainer current, String operation, String path, String script,
			String... arguments) {
		byte[] output = runForBytes(current, operation, path, script, arguments);
		String text = new String(output, StandardCharsets.UTF_8);
		return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
	}

	private static byte[] runForBytes(DockerContainer current, String operation, String path, String script,
			String... arguments) {
		try {
			return current.run(script, arguments);
		}
		catch (IllegalStateException ex) {
			logger.debug("Cannot run a file operation in container {}", current.id(), ex);
			throw FileErrors.of(operation, path, IO_ERROR);
		}
	}

	/**
	 * The error a script reported as {@code <operation> <reason>}.
	 */
	private static SandboxFileException failure(String path, String result) {
		int space = result.indexOf(' ');
		if (space < 0 || result.indexOf('\n') >= 0) {
			logger.debug("Unexpected answer of a file operation on {}: {}", path, result);
			return FileErrors.of("open", path, IO_ERROR);
		}
		return FileErrors.of(result.substring(0, space), path,
				REASONS.getOrDefault(result.substring(space + 1), IO_ERROR));
	}

	private static SandboxFileException tooLarge(String path, long size) {
		return FileErrors.of("read", path, "file too large for read_file (" + size + " bytes, at most "
				+ ConfinedFileSystem.MAX_READ_BYTES + ")");
	}

	private static void checkSyntax(String operation, String path) {
		if (path.isEmpty()) {
			throw FileErrors.of(operation, path, FileErrors.NO_SUCH_FILE);
		}
		if (path.indexOf('\0') >= 0) {
			throw FileErrors.of(operation, path, FileErrors.INVALID_ARGUMENT);
		}
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

}

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


package dev.sandboxes.koyeb.sample.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.ReactiveSandbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lists, reads, writes, uploads, downloads and deletes the files of a sandbox. Uploads and
 * downloads are streamed: a file never sits whole in the playground's memory.
 */
@RestController
@RequestMapping("/api/sandboxes/{id}/files")
class FileController {

	/**
	 * Prints the names of the directories in {@code $DIR}, hidden ones included; the path
	 * travels in the environment, so it needs no quoting.
	 */
	private static final String LIST_DIRECTORIES = "cd -- \"$DIR\" && for f in * .[!.]* ..?*; do"
			+ " if [ -d \"$f\" ] && [ ! -L \"$f\" ]; then printf '%s\\n' \"$f\"; fi; done";

	private final PlaygroundSandboxes sandboxes;

	FileController(PlaygroundSandboxes sandboxes) {
		this.sandboxes = sandboxes;
	}

	@GetMapping
	Mono<DirectoryListing> list(@PathVariable String id,
			@RequestParam(defaultValue = PlaygroundSandboxes.WORKSPACE) String path) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> sandbox.files()
				.list(path)
				.zipWith(directoryNames(sandbox, path),
						(names, directories) -> new DirectoryListing(path, names.stream()
							.map((name) -> new DirectoryListing.Entry(name, child(path, name), directories.contains(name)))
							.toList())));
	}

	/**
	 * Return the names of the directories in a directory, with one command whatever their
	 * number.
	 */
	private static Mono<Set<String>> directoryNames(ReactiveSandbox sandbox, String path) {
		return sandbox.exec(ExecSpec.of(LIST_DIRECTORIES).env("DIR", path))
			.map((result) -> result.stdout().lines().collect(Collectors.toSet()));
	}

	@GetMapping(path = "/content", produces = "text/plain;charset=UTF-8")
	Mono<String> read(@PathVariable String id, @RequestParam String path) {
		return this.sandboxes.find(id).flatMap((sandbox) -> sandbox.files().readString(path));
	}

	@PutMapping("/content")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> write(@PathVariable String id, @RequestParam String path,
			@RequestBody(required = false) @Nullable String content) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> sandbox.files().write(path, (content != null) ? content : ""));
	}

	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<DirectoryListing.Entry> upload(@PathVariable String id,
			@RequestParam(defaultValue = PlaygroundSandboxes.WORKSPACE) String directory,
			@RequestPart("file") Mono<Part> file) {
		return file.flatMap((uploaded) -> {
			if (!(uploaded instanceof FilePart part)) {
				return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"part 'file' must be a file (a filename in its Content-Disposition), not a form field"));
			}
			String name = uploadedName(part.filename());
			String path = child(directory, name);
			Flux<byte[]> content = part.content().map(FileController::bytes);
			return this.sandboxes.find(id)
				.flatMap((sandbox) -> sandbox.files().upload(content, path))
				.thenReturn(new DirectoryListing.Entry(name, path, false));
		});
	}

	@GetMapping("/download")
	Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String id, @RequestParam String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		return this.sandboxes.find(id)
			.map((sandbox) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
				.body(sandbox.files().download(path).map(DefaultDataBufferFactory.sharedInstance::wrap)));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String id, @RequestParam String path,
			@RequestParam(defaultValue = "false") boolean recursive) {
		return this.sandboxes.find(id)
			.flatMap((sandbox) -> recursive ? sandbox.files().deleteRecursively(path) : sandbox.files().delete(path));
	}

	private static String child(String directory, String name) {
		return directory.endsWith("/") ? directory + name : directory + "/" + name;
	}

	/**
	 * Return the name an uploaded file is stored under: the last segment of what the browser
	 * sent, which some browsers send as a whole path.
	 */
	private static String uploadedName(String filename) {
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		if (name.isBlank() || name.equals(".") || name.equals("..")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"file name '" + filename + "' is not allowed: it must name a file, not a directory");
		}
		return name;
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}

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

package dev.sandboxes.koyeb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@link SandboxFiles} that waits for {@link ReactiveSandboxFiles}.
 */
final class BlockingSandboxFiles implements SandboxFiles {

	private final ReactiveSandboxFiles reactive;

	BlockingSandboxFiles(ReactiveSandboxFiles reactive) {
		this.reactive = reactive;
	}

	@Override
	public String readString(String path) {
		return Blocking.get(this.reactive.readString(path), "files.read");
	}

	@Override
	public byte[] readBytes(String path) {
		return Blocking.get(this.reactive.readBytes(path), "files.read");
	}

	@Override
	public void write(String path, String content) {
		Blocking.run(this.reactive.write(path, content));
	}

	@Override
	public void write(String path, byte[] content) {
		Blocking.run(this.reactive.write(path, content));
	}

	@Override
	public void upload(Path source, String path) {
		Blocking.run(this.reactive.upload(source, path));
	}

	@Override
	public void upload(InputStream source, String path) {
		Flux<byte[]> chunks = Flux.<byte[]>generate((sink) -> {
			try {
				byte[] chunk = source.readNBytes(DefaultReactiveSandboxFiles.UPLOAD_CHUNK_SIZE);
				if (chunk.length == 0) {
					sink.complete();
				}
				else {
					sink.next(chunk);
				}
			}
			catch (IOException ex) {
				sink.error(new SandboxException("Could not read the content to upload to " + path, ex));
			}
		}).subscribeOn(Schedulers.boundedElastic());
		Blocking.run(this.reactive.upload(chunks, path));
	}

	@Override
	public void download(String path, Path target) {
		Blocking.run(this.reactive.download(path, target));
	}

	@Override
	public void download(String path, OutputStream target) {
		Blocking.run(this.reactive.download(path).publishOn(Schedulers.boundedElastic()).doOnNext((chunk) -> {
			try {
				target.write(chunk);
			}
			catch (IOException ex) {
				throw new SandboxException("Could not write the content downloaded from " + path, ex);
			}
		}).then());
	}

	@Override
	public List<String> list(String path) {
		return Blocking.get(this.reactive.list(path), "files.list");
	}

	@Override
	public void mkdir(String path) {
		Blocking.run(this.reactive.mkdir(path));
	}

	@Override
	public void delete(String path) {
		Blocking.run(this.reactive.delete(path));
	}

	@Override
	public void deleteRecursively(String path) {
		Blocking.run(this.reactive.deleteRecursively(path));
	}

	@Override
	public void move(String source, String target) {
		Blocking.run(this.reactive.move(source, target));
	}

	@Override
	public boolean exists(String path) {
		return Blocking.get(this.reactive.exists(path), "files.exists");
	}

	@Override
	public boolean isFile(String path) {
		return Blocking.get(this.reactive.isFile(path), "files.isFile");
	}

	@Override
	public boolean isDirectory(String path) {
		return Blocking.get(this.reactive.isDirectory(path), "files.isDirectory");
	}

}

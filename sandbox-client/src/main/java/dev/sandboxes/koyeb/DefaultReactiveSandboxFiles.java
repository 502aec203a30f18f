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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.sandboxes.koyeb.executor.ExecutorClient;
import dev.sandboxes.koyeb.executor.ExecutorEndpoint;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * {@link ReactiveSandboxFiles} over the executor's file endpoints. Binary content travels
 * as Base64 and is decoded inside the sandbox, so files hold their real bytes; moves and
 * tests run as quoted shell commands.
 */
final class DefaultReactiveSandboxFiles implements ReactiveSandboxFiles {

	/**
	 * Raw bytes sent per upload request (Base64 makes it 1 MiB on the wire).
	 */
	static final int UPLOAD_CHUNK_SIZE = 768 * 1024;

	/**
	 * Lines of Base64 output decoded together while downloading (76 characters each).
	 */
	private static final int DOWNLOAD_LINES_PER_CHUNK = 1024;

	private final DefaultReactiveSandbox sandbox;

	DefaultReactiveSandboxFiles(DefaultReactiveSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public Mono<String> readString(String path) {
		checkPath(path);
		return this.sandbox.observe("files.read", withExecutor((client, endpoint) -> client.readFile(endpoint, path)));
	}

	@Override
	public Mono<byte[]> readBytes(String path) {
		checkPath(path);
		ExecSpec spec = ExecSpec.of("base64 " + ShellQuoting.quote(path));
		return this.sandbox.observe("files.read", withExecutor((client, endpoint) -> client.run(endpoint,
				DefaultReactiveSandbox.runRequest(spec), this.sandbox.execTimeout(spec))).map((result) -> {
					checkSucceeded(path, result.exitCode(), result.stderr());
					return Base64.getMimeDecoder().decode(result.stdout());
				}));
	}

	@Override
	public Mono<Void> write(String path, String content) {
		checkPath(path);
		return this.sandbox.observe("files.write", withParentDirectory(path,
				withExecutor((client, endpoint) -> client.writeFile(endpoint, path, content))));
	}

	@Override
	public Mono<Void> write(String path, byte[] content) {
		checkPath(path);
		return this.sandbox.observe("files.write", uploadChunks(Flux.just(content), path));
	}

	@Override
	public Mono<Void> upload(Publisher<byte[]> content, String path) {
		checkPath(path);
		return this.sandbox.observe("files.upload", uploadChunks(Flux.from(content), path));
	}

	@Override
	public Mono<Void> upload(Path source, String path) {
		checkPath(path);
		Flux<byte[]> chunks = DataBufferUtils.read(source, DefaultDataBufferFactory.sharedInstance, UPLOAD_CHUNK_SIZE)
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			});
		return this.sandbox.observe("files.upload", uploadChunks(chunks, path));
	}

	@Override
	public Flux<byte[]> download(String path) {
		checkPath(path);
		return this.sandbox.observeMany("files.download", downloadChunks(path));
	}

	@Override
	public Mono<Void> download(String path, Path target) {
		checkPath(path);
		Mono<Void> copy = Mono.using(
				() -> openForWriting(target),
				(channel) -> downloadChunks(path).publishOn(Schedulers.boundedElastic())
					.doOnNext((chunk) -> writeFully(channel, chunk, target))
					.then(),
				this::closeQuietly);
		return this.sandbox.observe("files.download", copy);
	}

	@Override
	public Mono<List<String>> list(String path) {
		checkPath(path);
		return this.sandbox.observe("files.list", withExecutor((client, endpoint) -> client.listDir(endpoint, path)));
	}

	@Override
	public Mono<Void> mkdir(String path) {
		checkPath(path);
		return this.sandbox.observe("files.mkdir", makeDirectory(path));
	}

	@Override
	public Mono<Void> delete(String path) {
		checkPath(path);
		return this.sandbox.observe("files.delete",
				withExecutor((client, endpoint) -> client.deleteFile(endpoint, path)));
	}

	@Override
	public Mono<Void> deleteRecursively(String path) {
		checkPath(path);
		return this.sandbox.observe("files.delete",
				withExecutor((client, endpoint) -> client.deleteDir(endpoint, path)));
	}

	@Override
	public Mono<Void> move(String source, String target) {
		checkPath(source);
		checkPath(target);
		return this.sandbox.observe("files.move",
				shell("mv -f -- " + ShellQuoting.quote(source) + " " + ShellQuoting.quote(target))
					.doOnNext((result) -> checkSucceeded(source, result.exitCode(), result.stderr()))
					.then());
	}

	@Override
	public Mono<Boolean> exists(String path) {
		return test("-e", path);
	}

	@Override
	public Mono<Boolean> isFile(String path) {
		return test("-f", path);
	}

	@Override
	public Mono<Boolean> isDirectory(String path) {
		return test("-d", path);
	}

	private Mono<Boolean> test(String flag, String path) {
		checkPath(path);
		return this.sandbox.observe("files.test", shell("test " + flag + " " + ShellQuoting.quote(path)).map((result) -> {
			if (result.exitCode() > 1) {
				throw new SandboxFileException(path, "Could not test " + path + ": " + result.stderr().strip());
			}
			return result.exitCode() == 0;
		}));
	}

	/**
	 * Upload chunk by chunk: each chunk is written as Base64 to a part file next to the
	 * target, then decoded and appended to a temporary file inside the sandbox; the
	 * temporary file replaces the target at the end, so a failed upload never leaves a
	 * truncated target.
	 */
	private Mono<Void> uploadChunks(Flux<byte[]> content, String path) {
		String temporary = path + ".upload-" + RandomTokens.suffix(8);
		String part = temporary + ".part";
		Mono<Void> upload = makeDirectory(parentOf(path))
			.then(shellChecked(path, ": > " + ShellQuoting.quote(temporary)))
			.thenMany(rechunk(content))
			.concatMap((chunk) -> withExecutor(
					(client, endpoint) -> client.writeFile(endpoint, part, Base64.getEncoder().encodeToString(chunk)))
				.then(shellChecked(path, "base64 -d " + ShellQuoting.quote(part) + " >> " + ShellQuoting.quote(temporary)
						+ " && rm -f " + ShellQuoting.quote(part))))
			.then(shellChecked(path, "mv -f -- " + ShellQuoting.quote(temporary) + " " + ShellQuoting.quote(path)));
		return upload.onErrorResume((failure) -> shell("rm -f -- " + ShellQuoting.quote(temporary) + " "
				+ ShellQuoting.quote(part))
			.onErrorResume((cleanupFailure) -> Mono.empty())
			.then(Mono.error(failure)));
	}

	/**
	 * Stream {@code base64} of the file and decode it line group by line group, so the
	 * client holds one group of lines at a time.
	 */
	private Flux<byte[]> downloadChunks(String path) {
		ExecSpec spec = ExecSpec.of("base64 " + ShellQuoting.quote(path));
		StringBuilder stderr = new StringBuilder();
		return Flux.defer(() -> this.sandbox.stream(spec).handle((ExecEvent event, SynchronousSink<String> sink) -> {
			if (event instanceof OutputLine line) {
				if (line.stream() == StreamType.STDOUT) {
					sink.next(line.text());
				}
				else {
					stderr.append(line.text()).append('\n');
				}
			}
			else if (event instanceof ExecCompleted completed) {
				try {
					checkSucceeded(path, completed.exitCode(), stderr.toString());
				}
				catch (SandboxFileException ex) {
					sink.error(ex);
				}
			}
		}).buffer(DOWNLOAD_LINES_PER_CHUNK).map((lines) -> Base64.getMimeDecoder().decode(String.join("", lines))));
	}

	private static Flux<byte[]> rechunk(Flux<byte[]> content) {
		return Flux.defer(() -> {
			ByteBuffer pending = ByteBuffer.allocate(UPLOAD_CHUNK_SIZE);
			return content.concatMapIterable((bytes) -> {
				List<byte[]> full = new ArrayList<>();
				int offset = 0;
				while (offset < bytes.length) {
					int count = Math.min(pending.remaining(), bytes.length - offset);
					pending.put(bytes, offset, count);
					offset += count;
					if (!pending.hasRemaining()) {
						full.add(drain(pending));
					}
				}
				return full;
			}).concatWith(Mono.fromSupplier(() -> drain(pending)).filter((last) -> last.length > 0));
		});
	}

	private static byte[] drain(ByteBuffer buffer) {
		buffer.flip();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		buffer.clear();
		return bytes;
	}

	private Mono<Void> withParentDirectory(String path, Mono<Void> write) {
		return write.onErrorResume(SandboxFileNotFoundException.class,
				(ex) -> makeDirectory(parentOf(path)).then(write));
	}

	private Mono<Void> makeDirectory(String path) {
		return withExecutor((client, endpoint) -> client.makeDir(endpoint, path));
	}

	private Mono<ExecResult> shell(String command) {
		ExecSpec spec = ExecSpec.of(command);
		return withExecutor((client, endpoint) -> client.run(endpoint, DefaultReactiveSandbox.runRequest(spec),
				this.sandbox.execTimeout(spec)));
	}

	private Mono<Void> shellChecked(String path, String command) {
		return shell(command).doOnNext((result) -> checkSucceeded(path, result.exitCode(), result.stderr())).then();
	}

	private <T> Mono<T> withExecutor(ExecutorCall<T> call) {
		ExecutorClient client = this.sandbox.context().executor();
		return this.sandbox.executor().flatMap((endpoint) -> call.apply(client, endpoint));
	}

	private static void checkSucceeded(String path, int exitCode, String stderr) {
		if (exitCode == 0) {
			return;
		}
		String message = stderr.strip();
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("no such file")) {
			throw new SandboxFileNotFoundException(path, message);
		}
		if (lower.contains("is a directory")) {
			throw new SandboxFileException(path, message);
		}
		throw new SandboxFileException(path, "File operation on " + path + " failed with exit code " + exitCode
				+ (message.isEmpty() ? "" : ": " + message));
	}

	static String parentOf(String path) {
		int slash = path.lastIndexOf('/', path.length() - 2);
		if (slash < 0) {
			return ".";
		}
		return (slash == 0) ? "/" : path.substring(0, slash);
	}

	private static void checkPath(String path) {
		SpecValidation.checkPath(path);
	}

	private static void writeFully(FileChannel channel, byte[] chunk, Path target) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(chunk);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new SandboxException("Could not write " + target + ": " + ex.getMessage(), ex);
		}
	}

	private static FileChannel openForWriting(Path target) {
		try {
			return FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (IOException ex) {
			throw new SandboxException("Could not open " + target + " for writing: " + ex.getMessage(), ex);
		}
	}

	private void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing left to do: the download already completed or failed
		}
	}

	@FunctionalInterface
	private interface ExecutorCall<T> {

		Mono<T> apply(ExecutorClient client, ExecutorEndpoint endpoint);

	}

}

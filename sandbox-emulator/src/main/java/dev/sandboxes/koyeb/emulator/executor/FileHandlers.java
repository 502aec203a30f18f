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

package dev.sandboxes.koyeb.emulator.executor;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerResponse;

import dev.sandboxes.koyeb.emulator.runtime.SandboxFileException;
import dev.sandboxes.koyeb.emulator.runtime.SandboxFileSystem;

/**
 * The file endpoints. Failures are answered with status 200 and an {@code error} field, as the
 * executor does; file I/O runs off the event loop.
 */
final class FileHandlers {

	private FileHandlers() {
	}

	static Mono<ServerResponse> write(ExecutorCall call) {
		ExecutorRequests body = call.json();
		String path = body.string("path");
		String content = body.string("content");
		return success(call, (files) -> files.write(path, content));
	}

	static Mono<ServerResponse> makeDirectory(ExecutorCall call) {
		String path = call.json().string("path");
		return success(call, (files) -> files.makeDirectories(path));
	}

	static Mono<ServerResponse> delete(ExecutorCall call) {
		String path = call.json().string("path");
		return success(call, (files) -> files.delete(path));
	}

	static Mono<ServerResponse> deleteDirectory(ExecutorCall call) {
		String path = call.json().string("path");
		return success(call, (files) -> files.deleteRecursively(path));
	}

	static Mono<ServerResponse> read(ExecutorCall call) {
		String path = call.json().string("path");
		return blocking(() -> {
			try {
				String content = call.sandbox().files().read(path);
				return content.isEmpty() ? GoJson.object() : GoJson.object().string("content", content);
			}
			catch (SandboxFileException ex) {
				return GoJson.object().string("error", ExecutorReplies.messageOf(ex));
			}
		});
	}

	static Mono<ServerResponse> list(ExecutorCall call) {
		String path = call.json().string("path");
		return blocking(() -> {
			try {
				List<String> entries = call.sandbox().files().list(path);
				return entries.isEmpty() ? GoJson.object() : GoJson.object().raw("entries", GoJson.stringArray(entries));
			}
			catch (SandboxFileException ex) {
				return GoJson.object().string("error", ExecutorReplies.messageOf(ex));
			}
		});
	}

	private static Mono<ServerResponse> success(ExecutorCall call, Consumer<SandboxFileSystem> operation) {
		return blocking(() -> {
			try {
				operation.accept(call.sandbox().files());
				return GoJson.object().bool("success", true);
			}
			catch (SandboxFileException ex) {
				return GoJson.object().string("error", ExecutorReplies.messageOf(ex)).bool("success", false);
			}
		});
	}

	private static Mono<ServerResponse> blocking(Callable<GoJson> operation) {
		return OffEventLoop.call(operation).flatMap(ExecutorReplies::json);
	}

}

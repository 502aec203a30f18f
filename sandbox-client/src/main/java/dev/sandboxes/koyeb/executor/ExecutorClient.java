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

package dev.sandboxes.koyeb.executor;

import java.time.Duration;
import java.util.List;

import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.ProcessLogLine;
import dev.sandboxes.koyeb.transport.HttpExchanges;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Client of the executor API served inside every sandbox.
 *
 * @since 0.1.0
 */
public final class ExecutorClient {

	public ExecutorClient(HttpExchanges http, Duration requestTimeout) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Boolean> isHealthy(ExecutorEndpoint endpoint) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<ExecResult> run(ExecutorEndpoint endpoint, RunRequest request, Duration timeout) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Flux<ExecEvent> runStreaming(ExecutorEndpoint endpoint, RunRequest request) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> writeFile(ExecutorEndpoint endpoint, String path, String content) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<String> readFile(ExecutorEndpoint endpoint, String path) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<List<String>> listDir(ExecutorEndpoint endpoint, String path) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> makeDir(ExecutorEndpoint endpoint, String path) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> deleteFile(ExecutorEndpoint endpoint, String path) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> deleteDir(ExecutorEndpoint endpoint, String path) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Integer> bindPort(ExecutorEndpoint endpoint, int port) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> unbindPort(ExecutorEndpoint endpoint) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<ProcessInfo> startProcess(ExecutorEndpoint endpoint, RunRequest request) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<List<ProcessInfo>> listProcesses(ExecutorEndpoint endpoint) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Mono<Void> killProcess(ExecutorEndpoint endpoint, String processId) {
		throw new UnsupportedOperationException("not yet written");
	}

	public Flux<ProcessLogLine> processLogs(ExecutorEndpoint endpoint, String processId) {
		throw new UnsupportedOperationException("not yet written");
	}

}

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


package dev.sandboxes.koyeb.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.reactive.function.client.WebClient;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTemplateBuilder;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.controlplane.AppView;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import dev.sandboxes.koyeb.emulator.runtime.Bubblewrap;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntimes;

/**
 * An emulator for a test class, with an API token and a data directory of its own, started
 * before the class and stopped after it. It can be stopped and started again on the same port,
 * as an emulator that restarts while clients hold sandboxes.
 */
final class RunningEmulator implements BeforeAllCallback, AfterAllCallback {

	static final String API_TOKEN = "reliability-api-token-0123456789";

	private final Supplier<RuntimeMode> runtimeChoice;

	private final UnaryOperator<KoyebEmulator.Builder> configuration;

	private RuntimeMode runtime = RuntimeMode.PLAIN;

	private @Nullable Path dataDirectory;

	private @Nullable KoyebEmulator emulator;

	private int port;

	private RunningEmulator(Supplier<RuntimeMode> runtimeChoice, UnaryOperator<KoyebEmulator.Builder> configuration) {
		this.runtimeChoice = runtimeChoice;
		this.configuration = configuration;
	}

	/**
	 * An emulator running sandboxes as plain processes, which works everywhere: for suites about
	 * the wire, not isolation.
	 */
	static RunningEmulator plain() {
		return plain(UnaryOperator.identity());
	}

	static RunningEmulator plain(UnaryOperator<KoyebEmulator.Builder> configuration) {
		return new RunningEmulator(() -> RuntimeMode.PLAIN, configuration);
	}

	/**
	 * An emulator isolating sandboxes with bubblewrap; its tests are skipped where bubblewrap does
	 * not work (or fail, where it is required).
	 */
	static RunningEmulator isolated() {
		return withRuntime(RuntimeMode.BUBBLEWRAP);
	}

	/**
	 * An emulator running sandboxes in a given runtime, {@code PLAIN} or {@code BUBBLEWRAP}.
	 */
	static RunningEmulator withRuntime(RuntimeMode runtime) {
		return new RunningEmulator(() -> runtime, UnaryOperator.identity());
	}

	/**
	 * An emulator isolating sandboxes with bubblewrap where it works, else running them as plain
	 * processes (unless bubblewrap is required): for suites that measure what a real application
	 * holds, which should run everywhere.
	 */
	static RunningEmulator preferablyIsolated() {
		return new RunningEmulator(() -> (SandboxRuntimes.bubblewrapAvailable()
				|| Boolean.getBoolean(Bubblewrap.REQUIRED_PROPERTY)) ? RuntimeMode.BUBBLEWRAP : RuntimeMode.PLAIN,
				UnaryOperator.identity());
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.runtime = this.runtimeChoice.get();
		if (this.runtime == RuntimeMode.BUBBLEWRAP) {
			Bubblewrap.assumeAvailable();
		}
		this.dataDirectory = Files.createTempDirectory("koyeb-reliability-");
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		stop();
		if (this.dataDirectory != null) {
			FileSystemUtils.deleteRecursively(this.dataDirectory);
		}
	}

	/**
	 * Start the emulator, on the port it had before if it ran already.
	 */
	void start() {
		this.emulator = this.configuration.apply(KoyebEmulator.builder()
			.runtime(this.runtime)
			.apiToken(API_TOKEN)
			.dataDirectory(dataDirectory().resolve("data"))
			.port(this.port)).start();
		this.port = this.emulator.port();
	}

	/**
	 * Stop the emulator: every sandbox it ran is gone.
	 */
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
	}

	boolean isRunning() {
		return this.emulator != null;
	}

	KoyebEmulator get() {
		if (this.emulator == null) {
			throw new IllegalStateException("The emulator is not running");
		}
		return this.emulator;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	/**
	 * Where the emulator keeps each sandbox's files, one directory per sandbox.
	 */
	Path sandboxStorage() {
		return dataDirectory().resolve("data").resolve("sandboxes");
	}

	private Path dataDirectory() {
		if (this.dataDirectory == null) {
			throw new IllegalStateException("The emulator was never started");
		}
		return this.dataDirectory;
	}

	/**
	 * A builder of templates for this emulator, with its API token.
	 */
	SandboxTemplateBuilder templateBuilder() {
		return SandboxTemplate.builder().baseUrl(baseUrl()).apiToken(API_TOKEN);
	}

	/**
	 * A builder of templates for this emulator whose requests go through a connection pool of
	 * the test's.
	 */
	SandboxTemplateBuilder templateBuilder(ConnectionProvider connections) {
		return templateBuilder().webClientBuilder(
				WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))));
	}

	/**
	 * The services that exist and are not being deleted.
	 */
	List<ServiceView> liveServices() {
		return get().services().stream().filter((service) -> !isGone(service.status())).toList();
	}

	/**
	 * The apps that exist and are not being deleted.
	 */
	List<AppView> liveApps() {
		return get().apps().stream().filter((app) -> !isGone(app.status())).toList();
	}

	private static boolean isGone(String status) {
		return status.equals("DELETING") || status.equals("DELETED");
	}

	/**
	 * The directories of the sandboxes' files that exist.
	 */
	List<Path> storedSandboxes() {
		Path storage = sandboxStorage();
		if (!Files.isDirectory(storage)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(storage)) {
			return entries.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

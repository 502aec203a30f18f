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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * A connection to a Docker engine (or one that speaks its API, such as Podman), for the docker
 * runtime. The engine is found as Testcontainers finds it ({@code DOCKER_HOST},
 * {@code ~/.testcontainers.properties}, the default socket, Docker Desktop, Colima, Podman...),
 * without starting any container of Testcontainers' own.
 *
 * @since 0.1.0
 */
public final class DockerEngine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DockerEngine.class);

	/**
	 * How many seconds {@link #imageAvailable(String)} waits for a pull. Without a registry a pull
	 * fails at once (name resolution fails, in milliseconds) or when the engine's own connection
	 * timeout strikes; a pull still running after this keeps going in the background.
	 */
	static final long PULL_WAIT_SECONDS = 20;

	private static final Duration PULL_WAIT = Duration.ofSeconds(PULL_WAIT_SECONDS);

	private static final List<String> HOME_SOCKETS = List.of(".docker/run/docker.sock",
			".docker/desktop/docker.sock", ".colima/default/docker.sock");

	private static final List<String> RUNTIME_DIRECTORY_SOCKETS = List.of("docker.sock", "podman/podman.sock");

	private static final List<String> SYSTEM_SOCKETS = List.of("/var/run/docker.sock", "/run/podman/podman.sock");

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final DockerClient client;

	private final int cpus;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "koyeb-emulator-docker-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, CompletableFuture<Boolean>> pulls = new ConcurrentHashMap<>();

	private final Map<String, String> pullFailures = new ConcurrentHashMap<>();

	private final List<Closeable> pullsInProgress = new ArrayList<>();

	private DockerEngine(DockerClient client, int cpus) {
		this.client = client;
		this.cpus = cpus;
	}

	/**
	 * Connect to the Docker engine of this machine, if there is one. Only where something hints at
	 * an engine (a {@code DOCKER_HOST} variable, a {@code docker.host} in
	 * {@code ~/.testcontainers.properties} or a known socket file) is it looked for, so that
	 * machines without Docker get no error logged; it must then answer a ping.
	 * @return the engine, or empty when there is none (the reason is logged at debug level)
	 */
	public static Optional<DockerEngine> connect() {
		Path home = Path.of(System.getProperty("user.home", "/"));
		Optional<String> hint = hint(System.getenv(), home, Path.of("/"));
		if (hint.isEmpty()) {
			logger.debug("No Docker engine: DOCKER_HOST is not set, ~/.testcontainers.properties sets no docker.host "
					+ "and there is no Docker or Podman socket");
			return Optional.empty();
		}
		DockerClient client = null;
		try {
			List<DockerClientProviderStrategy> strategies = new ArrayList<>();
			ServiceLoader.load(DockerClientProviderStrategy.class).forEach(strategies::add);
			DockerClientProviderStrategy strategy = DockerClientProviderStrategy.getFirstValidStrategy(strategies);
			client = strategy.getDockerClient();
			client.pingCmd().exec();
			Integer cpus = client.infoCmd().exec().getNCPU();
			logger.debug("Connected to the Docker engine at {} ({})", strategy.getTransportConfig().getDockerHost(),
					hint.get());
			return Optional.of(new DockerEngine(client,
					(cpus != null && cpus > 0) ? cpus : Runtime.getRuntime().availableProcessors()));
		}
		catch (RuntimeException | LinkageError | ServiceConfigurationError ex) {
			logger.debug("No Docker engine although {}: {}", hint.get(), ex.toString(), ex);
			if (client != null) {
				closeQuietly(client);
			}
			return Optional.empty();
		}
	}

	/**
	 * What suggests that an engine runs here.
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @param root the file system root under which the system's sockets are looked for
	 * @return the hint, empty when nothing suggests an engine
	 */
	static Optional<String> hint(Map<String, String> environment, Path home, Path root) {
		String dockerHost = environment.get("DOCKER_HOST");
		if (dockerHost != null && !dockerHost.isBlank()) {
			return Optional.of("DOCKER_HOST is " + dockerHost);
		}
		Path properties = home.resolve(".testcontainers.properties");
		if (Files.isRegularFile(properties)) {
			Properties loaded = new Properties();
			try (InputStream input = Files.newInputStream(properties)) {
				loaded.load(input);
			}
			catch (IOException | IllegalArgumentException ex) {
				logger.debug("Cannot read {}", properties, ex);
			}
			String configured = loaded.getProperty("docker.host");
			if (configured != null && !configured.isBlank()) {
				return Optional.of(properties + " sets docker.host " + configured);
			}
		}
		List<Path> sockets = new ArrayList<>();
		SYSTEM_SOCKETS.forEach((socket) -> sockets.add(root.resolve(socket.substring(1))));
		HOME_SOCKETS.forEach((socket) -> sockets.add(home.resolve(socket)));
		String runtimeDirectory = environment.get("XDG_RUNTIME_DIR");
		if (runtimeDirectory != null && !runtimeDirectory.isBlank()) {
			RUNTIME_DIRECTORY_SOCKETS.forEach((socket) -> sockets.add(Path.of(runtimeDirectory, socket)));
		}
		for (Path socket : sockets) {
			if (Files.exists(socket)) {
				return Optional.of("there is a socket at " + socket);
			}
		}
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
			return Optional.of("Docker Desktop listens on a named pipe on Windows");
		}
		return Optional.empty();
	}

	/**
	 * Whether containers can be created from an image: it is on this machine, or pulling it
	 * succeeds within {@value #PULL_WAIT_SECONDS} seconds. An image is pulled at most once: the
	 * answer of the pull is kept (a failed pull is not tried again, but an image built or pulled
	 * since is found), and a pull still running when the wait ends goes on in the background.
	 * @param image the image reference, for example {@code koyeb/sandbox:latest}
	 * @return whether the image is available
	 */
	public boolean imageAvailable(String image) {
		try {
			if (imagePresent(image)) {
				return true;
			}
		}
		catch (DockerException ex) {
			this.pullFailures.put(image, "the engine cannot inspect it: " + DockerContainer.message(ex));
			return false;
		}
		CompletableFuture<Boolean> pull = this.pulls.computeIfAbsent(image, this::pull);
		try {
			return pull.get(PULL_WAIT.toMillis(), TimeUnit.MILLISECONDS) && imagePresent(image);
		}
		catch (DockerException ex) {
			return false;
		}
		catch (TimeoutException ex) {
			this.pullFailures.put(image, "the pull did not finish within " + PULL_WAIT.toSeconds()
					+ " seconds; it goes on in the background");
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	/**
	 * Why an image is not available, after {@link #imageAvailable(String)} said so.
	 * @param image the image
	 * @return the reason
	 */
	String unavailableReason(String image) {
		return this.pullFailures.getOrDefault(image, "it is not on this machine");
	}

	/**
	 * Whether an image is on this machine, without pulling it.
	 * @param image the image reference
	 * @return whether the engine has it
	 */
	boolean imagePresent(String image) {
		try {
			this.client.inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private CompletableFuture<Boolean> pull(String image) {
		CompletableFuture<Boolean> pulled = new CompletableFuture<>();
		logger.info("Pulling image {}", image);
		PullCallback callback = new PullCallback(image, pulled);
		synchronized (this.pullsInProgress) {
			this.pullsInProgress.add(callback);
		}
		var unused = pulled.whenComplete((result, failure) -> {
			synchronized (this.pullsInProgress) {
				this.pullsInProgress.remove(callback);
			}
		});
		try {
			ImageReference reference = ImageReference.parse(image);
			this.client.pullImageCmd(reference.repository()).withTag(reference.tag()).exec(callback);
		}
		catch (RuntimeException ex) {
			callback.onError(ex);
		}
		return pulled;
	}

	/**
	 * The client of the engine.
	 * @return the client
	 */
	public DockerClient client() {
		return this.client;
	}

	/**
	 * The processors of the engine's machine, the most CPU a container can be given.
	 * @return the number of processors
	 */
	int cpus() {
		return this.cpus;
	}

	/**
	 * Threads for the runtime's background work (killing commands, removing containers), which
	 * end once idle.
	 * @return the executor
	 */
	ExecutorService executor() {
		return this.executor;
	}

	/**
	 * Close the connection; pulls in progress are abandoned. Runtimes created on this engine must
	 * be closed first.
	 */
	@Override
	public void close() {
		List<Closeable> abandoned;
		synchronized (this.pullsInProgress) {
			abandoned = List.copyOf(this.pullsInProgress);
		}
		abandoned.forEach(DockerEngine::closeQuietly);
		this.executor.shutdown();
		closeQuietly(this.client);
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot close {}", closeable, ex);
		}
	}

	/**
	 * An image reference split as the pull API takes it: the repository, and a tag or digest.
	 */
	record ImageReference(String repository, String tag) {

		static ImageReference parse(String image) {
			int at = image.indexOf('@');
			if (at >= 0) {
				return new ImageReference(image.substring(0, at), image.substring(at + 1));
			}
			int colon = image.lastIndexOf(':');
			if (colon > image.lastIndexOf('/')) {
				return new ImageReference(image.substring(0, colon), image.substring(colon + 1));
			}
			return new ImageReference(image, "latest");
		}

	}

	/**
	 * Follows a pull, whose errors come either as the request's failure or as items of its
	 * progress stream.
	 */
	private final class PullCallback extends DockerCallback<PullResponseItem> {

		private final String image;

		private final CompletableFuture<Boolean> pulled;

		private @Nullable String error;

		PullCallback(String image, CompletableFuture<Boolean> pulled) {
			this.image = image;
			this.pulled = pulled;
		}

		@Override
		public synchronized void onNext(PullResponseItem item) {
			if (item.isErrorIndicated() && this.error == null) {
				ResponseItem.ErrorDetail detail = item.getErrorDetail();
				String message = (detail != null) ? detail.getMessage() : null;
				this.error = (message != null) ? message : "the pull failed";
			}
		}

		@Override
		public void onError(Throwable failure) {
			failed(DockerContainer.message(failure));
			logger.debug("Pulling image {} failed", this.image, failure);
		}

		@Override
		public void onComplete() {
			String failure;
			synchronized (this) {
				failure = this.error;
			}
			if (failure != null) {
				failed(failure);
				return;
			}
			logger.info("Pulled image {}", this.image);
			DockerEngine.this.pullFailures.remove(this.image);
			this.pulled.complete(true);
			closeQuietly();
		}

		private void failed(String reason) {
			logger.info("Cannot pull image {}: {}", this.image, reason);
			DockerEngine.this.pullFailures.put(this.image, "pulling it failed: " + reason);
			this.pulled.complete(false);
			closeQuietly();
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.pulled.complete(false);
			}
		}

	}

}

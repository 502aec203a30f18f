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

package dev.sandboxes.koyeb.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;

import dev.sandboxes.koyeb.emulator.controlplane.AppView;
import dev.sandboxes.koyeb.emulator.controlplane.ControlPlane;
import dev.sandboxes.koyeb.emulator.controlplane.ControlPlaneSettings;
import dev.sandboxes.koyeb.emulator.controlplane.ScaledClock;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;
import dev.sandboxes.koyeb.emulator.executor.BlockingIo;
import dev.sandboxes.koyeb.emulator.executor.ExecutorRoutes;
import dev.sandboxes.koyeb.emulator.executor.PortProxy;
import dev.sandboxes.koyeb.emulator.executor.TrafficTracking;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntime;
import dev.sandboxes.koyeb.emulator.runtime.SandboxRuntimes;

/**
 * A Koyeb-compatible server for sandboxes, on this machine: the part of Koyeb's REST API that
 * sandboxes use, the executor API of every sandbox, exposed ports, and server-side lifecycle.
 * Point any Koyeb client at {@link #baseUrl()} with any API token.
 *
 * <pre class="code">
 * try (KoyebEmulator emulator = KoyebEmulator.builder().start()) {
 *     SandboxTemplate sandboxes = SandboxTemplate.builder()
 *         .baseUrl(emulator.baseUrl())
 *         .apiToken("local")
 *         .build();
 *     ...
 * }
 * </pre>
 *
 * {@link #close()} stops the server and destroys every sandbox, process and file it made.
 *
 * @since 0.1.0
 */
public final class KoyebEmulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KoyebEmulator.class);

	private final DisposableServer server;

	private final ControlPlane controlPlane;

	private final SandboxRuntime runtime;

	private final PortProxy portProxy;

	private final BlockingIo io;

	private final DataDirectory dataDirectory;

	private final EmulatorFaults faults = new EmulatorFaults();

	private final Clock clock;

	private volatile String baseUrl = "";

	private KoyebEmulator(Builder builder) {
		this.dataDirectory = DataDirectory.of(builder.dataDirectory);
		Path sandboxes = this.dataDirectory.sandboxes();
		RuntimeInCreation runtime = RuntimeInCreation
			.start(() -> SandboxRuntimes.create(builder.runtime, sandboxes, builder.network));
		this.runtime = runtime;
		// Nothing waits for the runtime until the server listens, but for a port proxy that
		// must know whether sandboxes without network are isolated.
		boolean sandboxesReachable;
		try {
			sandboxesReachable = builder.network || !runtime.isolated();
		}
		catch (RuntimeException ex) {
			this.dataDirectory.close();
			throw ex;
		}
		this.clock = clock(builder);
		ControlPlaneSettings settings = new ControlPlaneSettings(this.clock, () -> this.baseUrl,
				builder.deploymentStepDelay, builder.apiToken, ControlPlaneSettings.DEFAULT_LIFECYCLE_CHECK_INTERVAL,
				ControlPlaneSettings.DEFAULT_ORGANIZATION_ID);
		this.controlPlane = new ControlPlane(settings, this.runtime);
		this.io = new BlockingIo();
		this.portProxy = new PortProxy(this.controlPlane, sandboxesReachable);
		ExecutorRoutes executor = new ExecutorRoutes(this.controlPlane, this.io);
		HttpHandler handler = RouterFunctions.toHttpHandler(
				this.controlPlane.routes().and(executor.routes()).and(this.portProxy.routes()),
				HandlerStrategies.builder()
					.webFilter(new FaultInjection(this.faults))
					.webFilter(new HandleOffEventLoop())
					.webFilter(new TrafficTracking())
					.build());
		try {
			this.server = HttpServer.create()
				.host(builder.host)
				.port(builder.port)
				.handle(new ReactorHttpHandlerAdapter(handler))
				.bindNow(Duration.ofSeconds(30));
		}
		catch (RuntimeException ex) {
			release();
			throw new IllegalStateException("Could not listen on " + builder.host + ":" + builder.port, ex);
		}
		try {
			runtime.created();
		}
		catch (RuntimeException ex) {
			this.server.disposeNow(Duration.ofSeconds(10));
			release();
			throw ex;
		}
		this.baseUrl = "http://" + hostForUrl(builder.host) + ":" + this.server.port();
		this.controlPlane.start();
		logger.info("Koyeb emulator listening on {} (runtime: {}{})", this.baseUrl, this.runtime.name(),
				this.runtime.isolated() ? ", isolated" : ", NOT isolated");
		if (this.runtime.isolated() && builder.network && builder.apiToken == null) {
			logger.warn("Sandboxes share this host's network, so their code can reach this emulator's API at {}, "
					+ "where any API token is accepted: a sandbox could read other sandboxes' secrets there. "
					+ "Set an API token (apiToken, or --api-token) to keep sandboxes out, or cut their network.",
					this.baseUrl);
		}
	}

	private static Clock clock(Builder builder) {
		Clock clock = builder.clock;
		if (clock != null) {
			return clock;
		}
		return (builder.timeScale == 1) ? Clock.systemUTC() : new ScaledClock(Clock.systemUTC(), builder.timeScale);
	}

	private static String hostForUrl(String host) {
		return host.contains(":") ? "[" + host + "]" : host;
	}

	/**
	 * Start configuring an emulator.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The base URL to give Koyeb clients, for example {@code http://127.0.0.1:41234}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Return the clock the emulator's timestamps and lifecycle follow: faster than the
	 * wall clock under a time scale, so that a client measuring ages against the emulator's
	 * timestamps should use it too.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * The runtime sandboxes run in.
	 * @return its name, for example {@code bubblewrap}
	 */
	public String runtimeName() {
		return this.runtime.name();
	}

	/**
	 * Whether sandboxes are isolated from the host and from each other.
	 * @return whether they are
	 */
	public boolean isolated() {
		return this.runtime.isolated();
	}

	/**
	 * The faults injected into requests, none unless a test adds them.
	 * @return the faults
	 */
	public EmulatorFaults faults() {
		return this.faults;
	}

	/**
	 * The apps the emulator knows, deleted ones included.
	 * @return the apps
	 */
	public List<AppView> apps() {
		return this.controlPlane.apps();
	}

	/**
	 * The services (sandboxes) the emulator knows, deleted ones included.
	 * @return the services
	 */
	public List<ServiceView> services() {
		return this.controlPlane.services();
	}

	/**
	 * Stop the server and destroy every sandbox: processes killed, files removed.
	 */
	@Override
	public void close() {
		try {
			this.server.disposeNow(Duration.ofSeconds(10));
		}
		finally {
			release();
			logger.info("Koyeb emulator stopped");
		}
	}

	/**
	 * Release everything the emulator holds, each part even when an earlier one fails to close.
	 */
	private void release() {
		try {
			this.controlPlane.close();
		}
		finally {
			try {
				this.runtime.close();
			}
			finally {
				try {
					this.portProxy.close();
					this.io.close();
				}
				finally {
					this.dataDirectory.close();
				}
			}
		}
	}

	/**
	 * Configures and starts a {@link KoyebEmulator}.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private @Nullable String apiToken;

		private RuntimeMode runtime = RuntimeMode.AUTO;

		private boolean network = true;

		private @Nullable Path dataDirectory;

		private long timeScale = 1;

		private @Nullable Clock clock;

		private Duration deploymentStepDelay = Duration.ZERO;

		private Builder() {
		}

		/**
		 * The address to listen on; {@code 127.0.0.1} by default.
		 * @param host the address
		 * @return this builder
		 */
		public Builder host(String host) {
			Assert.hasText(host, "'host' must not be empty");
			this.host = host;
			return this;
		}

		/**
		 * The port to listen on; {@code 0} (the default) picks a free one.
		 * @param port the port, 0 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, () -> "'port' must be between 0 and 65535, was " + port);
			this.port = port;
			return this;
		}

		/**
		 * The only API token accepted; by default any bearer token is.
		 * @param apiToken the token
		 * @return this builder
		 */
		public Builder apiToken(@Nullable String apiToken) {
			Assert.isTrue(apiToken == null || !apiToken.isBlank(), "'apiToken' must not be blank");
			this.apiToken = apiToken;
			return this;
		}

		/**
		 * Where sandboxes run; {@link RuntimeMode#AUTO} by default.
		 * @param runtime the runtime
		 * @return this builder
		 */
		public Builder runtime(RuntimeMode runtime) {
			this.runtime = runtime;
			return this;
		}

		/**
		 * Whether sandboxes reach the network (isolated runtimes only); {@code true} by default.
		 * @param network whether they do
		 * @return this builder
		 */
		public Builder network(boolean network) {
			this.network = network;
			return this;
		}

		/**
		 * Where sandboxes' files live; by default a temporary directory removed on close.
		 * @param dataDirectory the directory
		 * @return this builder
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/**
		 * How much faster than real time lifecycle time runs: with 60, a sandbox set to be deleted
		 * an hour after creation is deleted after a minute. 1 by default.
		 * @param timeScale the factor, at least 1
		 * @return this builder
		 */
		public Builder timeScale(long timeScale) {
			Assert.isTrue(timeScale >= 1, () -> "'timeScale' must be at least 1, was " + timeScale);
			this.timeScale = timeScale;
			return this;
		}

		/**
		 * The clock lifecycle time is measured with, for tests that move time themselves;
		 * overrides {@link #timeScale(long)}.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * How long a new deployment spends in each status before {@code HEALTHY}, in lifecycle
		 * time (so divided by the {@link #timeScale(long) time scale}); zero (the default) makes it
		 * healthy at once.
		 * @param deploymentStepDelay the delay per status
		 * @return this builder
		 */
		public Builder deploymentStepDelay(Duration deploymentStepDelay) {
			Assert.isTrue(!deploymentStepDelay.isNegative(),
					() -> "'deploymentStepDelay' must not be negative, was " + deploymentStepDelay);
			this.deploymentStepDelay = deploymentStepDelay;
			return this;
		}

		/**
		 * Start the emulator.
		 * @return the running emulator
		 */
		public KoyebEmulator start() {
			return new KoyebEmulator(this);
		}

	}

}

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What to create: the image, name, placement, environment, lifecycle and container
 * overrides of a sandbox. Built with {@link #builder()} and validated when built, so an
 * invalid spec never reaches Koyeb. Values left unset take the template's defaults.
 *
 * @since 0.1.0
 */
public final class SandboxSpec {

	/**
	 * Image used when none is given.
	 */
	public static final String DEFAULT_IMAGE = "koyeb/sandbox";

	/**
	 * Idle time before scale-to-zero used when none is given.
	 */
	public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * Environment variable that carries the executor's secret; reserved for the client.
	 */
	public static final String SECRET_ENV_KEY = "SANDBOX_SECRET";

	private final @Nullable String image;

	private final @Nullable String name;

	private final @Nullable String region;

	private final @Nullable String instanceType;

	private final Map<String, String> env;

	private final Map<String, String> secretEnv;

	private final Map<String, String> configFiles;

	private final @Nullable Duration deleteAfter;

	private final @Nullable Duration deleteAfterInactivity;

	private final Duration idleTimeout;

	private final @Nullable String command;

	private final List<String> args;

	private final List<String> entrypoint;

	private final boolean privileged;

	private final @Nullable String registrySecret;

	private final boolean tcpProxy;

	private final PortProtocol portProtocol;

	private final @Nullable String appId;

	private final boolean waitReady;

	private final @Nullable Duration readyTimeout;

	private final boolean keepOnReadyFailure;

	private SandboxSpec(Builder builder) {
		this.image = (builder.image != null) ? SpecValidation.checkNotBlank("image", builder.image) : null;
		this.name = (builder.name != null) ? SpecValidation.checkName("name", builder.name,
				SandboxLimits.NAME_MIN_LENGTH, SandboxLimits.NAME_MAX_LENGTH) : null;
		this.region = (builder.region != null) ? SpecValidation.checkName("region", builder.region, 2, 32) : null;
		this.instanceType = (builder.instanceType != null)
				? SpecValidation.checkName("instanceType", builder.instanceType, 2, 32) : null;
		this.env = Collections.unmodifiableMap(new LinkedHashMap<>(builder.env));
		this.secretEnv = Collections.unmodifiableMap(new LinkedHashMap<>(builder.secretEnv));
		this.configFiles = Collections.unmodifiableMap(new LinkedHashMap<>(builder.configFiles));
		SandboxLifecycle lifecycle = SpecValidation
			.checkLifecycle(new SandboxLifecycle(builder.deleteAfter, builder.deleteAfterInactivity));
		this.deleteAfter = lifecycle.deleteAfter();
		this.deleteAfterInactivity = lifecycle.deleteAfterInactivity();
		this.idleTimeout = builder.idleTimeout;
		SpecValidation.checkRange("idleTimeout", this.idleTimeout, SandboxLimits.IDLE_TIMEOUT_MIN,
				SandboxLimits.IDLE_TIMEOUT_MAX);
		if (this.idleTimeout.isZero() && this.deleteAfterInactivity != null && !this.deleteAfterInactivity.isZero()) {
			throw new InvalidSandboxSpecException("deleteAfterInactivity", this.deleteAfterInactivity,
					"needs a non-zero idleTimeout: a sandbox that never sleeps is never inactive");
		}
		this.command = builder.command;
		this.args = List.copyOf(builder.args);
		this.entrypoint = List.copyOf(builder.entrypoint);
		this.privileged = builder.privileged;
		this.registrySecret = (builder.registrySecret != null)
				? SpecValidation.checkNotBlank("registrySecret", builder.registrySecret) : null;
		this.tcpProxy = builder.tcpProxy;
		this.portProtocol = builder.portProtocol;
		this.appId = (builder.appId != null) ? SpecValidation.checkNotBlank("appId", builder.appId) : null;
		this.waitReady = builder.waitReady;
		this.readyTimeout = (builder.readyTimeout != null)
				? SpecValidation.checkPositive("readyTimeout", builder.readyTimeout) : null;
		this.keepOnReadyFailure = builder.keepOnReadyFailure;
	}

	/**
	 * Create a spec for the given image with every other value at its default.
	 * @param image the Docker image, for example {@code python:3.12-slim}
	 * @return the spec
	 */
	public static SandboxSpec ofImage(String image) {
		return builder().image(image).build();
	}

	/**
	 * Create a builder, starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder holding this spec's values, to derive a modified copy.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.image = this.image;
		builder.idleTimeout(this.idleTimeout)
			.args(this.args)
			.entrypoint(this.entrypoint)
			.privileged(this.privileged)
			.tcpProxy(this.tcpProxy)
			.portProtocol(this.portProtocol)
			.waitReady(this.waitReady)
			.keepOnReadyFailure(this.keepOnReadyFailure);
		builder.name = this.name;
		builder.region = this.region;
		builder.instanceType = this.instanceType;
		builder.env.putAll(this.env);
		builder.secretEnv.putAll(this.secretEnv);
		builder.configFiles.putAll(this.configFiles);
		builder.deleteAfter = this.deleteAfter;
		builder.deleteAfterInactivity = this.deleteAfterInactivity;
		builder.command = this.command;
		builder.registrySecret = this.registrySecret;
		builder.appId = this.appId;
		builder.readyTimeout = this.readyTimeout;
		return builder;
	}

	/**
	 * Return the Docker image.
	 * @return the image, or {@code null} for the template's default image
	 */
	public @Nullable String image() {
		return this.image;
	}

	/**
	 * Return the sandbox name, also the Koyeb service name.
	 * @return the name, or {@code null} to let the client generate one
	 */
	public @Nullable String name() {
		return this.name;
	}

	/**
	 * Return the Koyeb region.
	 * @return the region, or {@code null} for the template's default
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * Return the Koyeb instance type.
	 * @return the instance type, or {@code null} for the template's default
	 */
	public @Nullable String instanceType() {
		return this.instanceType;
	}

	/**
	 * Return the plain environment variables, in insertion order.
	 * @return the environment
	 */
	public Map<String, String> env() {
		return this.env;
	}

	/**
	 * Return the environment variables whose value comes from a Koyeb secret, keyed by
	 * variable name with the secret's name as value.
	 * @return the secret-backed environment
	 */
	public Map<String, String> secretEnv() {
		return this.secretEnv;
	}

	/**
	 * Return the files written into the sandbox at start, keyed by absolute path.
	 * @return the configuration files
	 */
	public Map<String, String> configFiles() {
		return this.configFiles;
	}

	/**
	 * Return the age at which Koyeb deletes the sandbox.
	 * @return the delay, {@link Duration#ZERO} for never, or {@code null} for the
	 * template's default
	 */
	public @Nullable Duration deleteAfter() {
		return this.deleteAfter;
	}

	/**
	 * Return the time asleep after which Koyeb deletes the sandbox.
	 * @return the delay, {@link Duration#ZERO} for never, or {@code null} for the
	 * template's default
	 */
	public @Nullable Duration deleteAfterInactivity() {
		return this.deleteAfterInactivity;
	}

	/**
	 * Return the time without executor traffic after which the sandbox scales to zero.
	 * @return the idle timeout, {@link Duration#ZERO} to keep it always on
	 */
	public Duration idleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Return the container command override.
	 * @return the command, or {@code null} for the image's
	 */
	public @Nullable String command() {
		return this.command;
	}

	/**
	 * Return the container arguments override.
	 * @return the arguments, empty for the image's
	 */
	public List<String> args() {
		return this.args;
	}

	/**
	 * Return the container entrypoint override.
	 * @return the entrypoint, empty for the image's
	 */
	public List<String> entrypoint() {
		return this.entrypoint;
	}

	/**
	 * Return whether the container runs privileged.
	 * @return whether privileged
	 */
	public boolean privileged() {
		return this.privileged;
	}

	/**
	 * Return the Koyeb secret holding private registry credentials.
	 * @return the secret name, or {@code null}
	 */
	public @Nullable String registrySecret() {
		return this.registrySecret;
	}

	/**
	 * Return whether raw TCP access to the exposed port is published.
	 * @return whether the TCP proxy is enabled
	 */
	public boolean tcpProxy() {
		return this.tcpProxy;
	}

	/**
	 * Return the protocol of the public port through which exposed ports are reached.
	 * @return the protocol
	 */
	public PortProtocol portProtocol() {
		return this.portProtocol;
	}

	/**
	 * Return the existing Koyeb app to create the sandbox in.
	 * @return the app id, or {@code null} to create a dedicated app
	 */
	public @Nullable String appId() {
		return this.appId;
	}

	/**
	 * Return whether creation waits until the sandbox's executor answers.
	 * @return whether to wait
	 */
	public boolean waitReady() {
		return this.waitReady;
	}

	/**
	 * Return the longest wait for readiness.
	 * @return the timeout, or {@code null} for the template's default
	 */
	public @Nullable Duration readyTimeout() {
		return this.readyTimeout;
	}

	/**
	 * Return whether a sandbox that fails to become ready is kept rather than deleted.
	 * @return whether to keep it
	 */
	public boolean keepOnReadyFailure() {
		return this.keepOnReadyFailure;
	}

	@Override
	public String toString() {
		return "SandboxSpec[image=" + this.image + ", name=" + this.name + ", region=" + this.region
				+ ", instanceType=" + this.instanceType + ", envKeys=" + this.env.keySet() + ", deleteAfter="
				+ this.deleteAfter + ", deleteAfterInactivity=" + this.deleteAfterInactivity + ", idleTimeout="
				+ this.idleTimeout + "]";
	}

	/**
	 * Builder of {@link SandboxSpec}.
	 */
	public static final class Builder {

		private @Nullable String image;

		private @Nullable String name;

		private @Nullable String region;

		private @Nullable String instanceType;

		private final Map<String, String> env = new LinkedHashMap<>();

		private final Map<String, String> secretEnv = new LinkedHashMap<>();

		private final Map<String, String> configFiles = new LinkedHashMap<>();

		private @Nullable Duration deleteAfter;

		private @Nullable Duration deleteAfterInactivity;

		private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

		private @Nullable String command;

		private List<String> args = new ArrayList<>();

		private List<String> entrypoint = new ArrayList<>();

		private boolean privileged;

		private @Nullable String registrySecret;

		private boolean tcpProxy;

		private PortProtocol portProtocol = PortProtocol.HTTP;

		private @Nullable String appId;

		private boolean waitReady = true;

		private @Nullable Duration readyTimeout;

		private boolean keepOnReadyFailure;

		private Builder() {
		}

		/**
		 * Set the Docker image; the template's default image when unset,
		 * {@value SandboxSpec#DEFAULT_IMAGE} unless configured otherwise.
		 * @param image the image
		 * @return this builder
		 */
		public Builder image(String image) {
			this.image = image;
			return this;
		}

		/**
		 * Set the sandbox name: 2 to 63 lowercase letters, digits and dashes.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Set the Koyeb region, for example {@code fra}.
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(String region) {
			this.region = region;
			return this;
		}

		/**
		 * Set the Koyeb instance type, for example {@code micro}.
		 * @param instanceType the instance type
		 * @return this builder
		 */
		public Builder instanceType(String instanceType) {
			this.instanceType = instanceType;
			return this;
		}

		/**
		 * Add an environment variable.
		 * @param key the variable name
		 * @param value the value, without NUL and at most 128 KiB with its name
		 * @return this builder
		 */
		public Builder env(String key, String value) {
			this.env.put(checkUserEnvKey(key), SpecValidation.checkEnvValue(key, value));
			return this;
		}

		/**
		 * Add environment variables.
		 * @param env the variables
		 * @return this builder
		 */
		public Builder env(Map<String, String> env) {
			env.forEach(this::env);
			return this;
		}

		/**
		 * Add an environment variable whose value Koyeb takes from one of its secrets.
		 * @param key the variable name
		 * @param secretName the name of the Koyeb secret
		 * @return this builder
		 */
		public Builder envFromSecret(String key, String secretName) {
			this.secretEnv.put(checkUserEnvKey(key), SpecValidation.checkNotBlank("secretName", secretName));
			return this;
		}

		/**
		 * Add a file that Koyeb writes into the sandbox before it starts.
		 * @param path the absolute path of the file
		 * @param content the content
		 * @return this builder
		 */
		public Builder configFile(String path, String content) {
			if (!SpecValidation.checkNotBlank("configFile path", path).startsWith("/")) {
				throw new InvalidSandboxSpecException("configFile path", path, "must be an absolute path");
			}
			this.configFiles.put(path, content);
			return this;
		}

		/**
		 * Set the age at which Koyeb deletes the sandbox: zero for never, else 60 s to 24 h.
		 * @param deleteAfter the delay after creation
		 * @return this builder
		 */
		public Builder deleteAfter(Duration deleteAfter) {
			this.deleteAfter = deleteAfter;
			return this;
		}

		/**
		 * Set the time asleep after which Koyeb deletes the sandbox: zero for never, else
		 * 60 s to 12 h.
		 * @param deleteAfterInactivity the delay after going to sleep
		 * @return this builder
		 */
		public Builder deleteAfterInactivity(Duration deleteAfterInactivity) {
			this.deleteAfterInactivity = deleteAfterInactivity;
			return this;
		}

		/**
		 * Set the time without executor traffic after which the sandbox scales to zero:
		 * zero for always on, else 5 min to 2 h; 5 min by default.
		 * @param idleTimeout the idle timeout
		 * @return this builder
		 */
		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
			return this;
		}

		/**
		 * Override the container's command.
		 * @param command the command
		 * @return this builder
		 */
		public Builder command(String command) {
			this.command = command;
			return this;
		}

		/**
		 * Override the container's arguments.
		 * @param args the arguments
		 * @return this builder
		 */
		public Builder args(List<String> args) {
			this.args = new ArrayList<>(args);
			return this;
		}

		/**
		 * Override the container's entrypoint.
		 * @param entrypoint the entrypoint
		 * @return this builder
		 */
		public Builder entrypoint(List<String> entrypoint) {
			this.entrypoint = new ArrayList<>(entrypoint);
			return this;
		}

		/**
		 * Set whether the container runs privileged.
		 * @param privileged whether privileged
		 * @return this builder
		 */
		public Builder privileged(boolean privileged) {
			this.privileged = privileged;
			return this;
		}

		/**
		 * Set the Koyeb secret holding credentials of a private registry.
		 * @param registrySecret the secret name
		 * @return this builder
		 */
		public Builder registrySecret(String registrySecret) {
			this.registrySecret = registrySecret;
			return this;
		}

		/**
		 * Set whether raw TCP access to the exposed port is published.
		 * @param tcpProxy whether to enable the TCP proxy
		 * @return this builder
		 */
		public Builder tcpProxy(boolean tcpProxy) {
			this.tcpProxy = tcpProxy;
			return this;
		}

		/**
		 * Set the protocol through which exposed ports are reached.
		 * @param portProtocol the protocol
		 * @return this builder
		 */
		public Builder portProtocol(PortProtocol portProtocol) {
			this.portProtocol = portProtocol;
			return this;
		}

		/**
		 * Create the sandbox in an existing Koyeb app, which deleting the sandbox keeps.
		 * @param appId the app id
		 * @return this builder
		 */
		public Builder appId(String appId) {
			this.appId = appId;
			return this;
		}

		/**
		 * Set whether creation waits until the sandbox answers; {@code true} by default.
		 * @param waitReady whether to wait
		 * @return this builder
		 */
		public Builder waitReady(boolean waitReady) {
			this.waitReady = waitReady;
			return this;
		}

		/**
		 * Set the longest wait for readiness, overriding the template's.
		 * @param readyTimeout the timeout
		 * @return this builder
		 */
		public Builder readyTimeout(Duration readyTimeout) {
			this.readyTimeout = readyTimeout;
			return this;
		}

		/**
		 * Set whether a sandbox that fails to become ready is kept for inspection instead of
		 * deleted; {@code false} by default.
		 * @param keepOnReadyFailure whether to keep it
		 * @return this builder
		 */
		public Builder keepOnReadyFailure(boolean keepOnReadyFailure) {
			this.keepOnReadyFailure = keepOnReadyFailure;
			return this;
		}

		/**
		 * Validate the values and build the spec.
		 * @return the spec
		 * @throws InvalidSandboxSpecException if a value is not acceptable
		 */
		public SandboxSpec build() {
			return new SandboxSpec(this);
		}

		private static String checkUserEnvKey(String key) {
			if (SECRET_ENV_KEY.equals(SpecValidation.checkEnvKey(key))) {
				throw new InvalidSandboxSpecException("env key", key, "is reserved for the executor's secret");
			}
			return key;
		}

	}

}

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
package dev.sandboxes.koyeb.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of Koyeb Sandbox, at {@code koyeb.sandbox}. Every value is
 * checked at startup; a wrong one fails the start with a message that names the property,
 * the value and what is allowed.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(SandboxProperties.PREFIX)
public class SandboxProperties implements Validator {

	/**
	 * Prefix of every property.
	 */
	public static final String PREFIX = "koyeb.sandbox";

	/**
	 * Koyeb API token. When unset, the KOYEB_API_TOKEN environment variable is used; when
	 * neither is set, sandboxes run on an embedded emulator if sandbox-emulator is on the
	 * classpath.
	 */
	private @Nullable String apiToken;

	/**
	 * Base URL of the Koyeb API.
	 */
	private URI baseUrl = URI.create("https://app.koyeb.com");

	/**
	 * Region of sandboxes that set none.
	 */
	private String region = "na";

	/**
	 * Instance type of sandboxes that set none.
	 */
	private String instanceType = "micro";

	/**
	 * Docker image of sandboxes that set none.
	 */
	private String image = "koyeb/sandbox";

	/**
	 * Deadline of each API and executor call, retries included.
	 */
	private Duration requestTimeout = Duration.ofSeconds(30);

	/**
	 * Longest wait for a new sandbox to answer.
	 */
	private Duration readyTimeout = Duration.ofMinutes(5);

	/**
	 * Deadline of commands and file transfers that set none.
	 */
	private Duration execTimeout = Duration.ofMinutes(1);

	/**
	 * Owner written into the name of every sandbox this application creates, so that the
	 * reaper, health and endpoint only ever see and touch this application's sandboxes.
	 * Defaults to spring.application.name.
	 */
	private @Nullable String owner;

	/**
	 * Whether to delete the sandboxes this instance created, and still exist, when the
	 * application context closes.
	 */
	private boolean deleteOnShutdown = true;

	private final Lifecycle lifecycle = new Lifecycle();

	private final Reaper reaper = new Reaper();

	private final Emulator emulator = new Emulator();

	/**
	 * Create properties with their defaults.
	 */
	public SandboxProperties() {
	}

	/**
	 * Return {@code koyeb.sandbox.api-token}: Koyeb API token.
	 * @return the configured value
	 */
	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	/**
	 * Set {@code koyeb.sandbox.api-token}.
	 * @param apiToken Koyeb API token
	 */
	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	/**
	 * Return {@code koyeb.sandbox.base-url}: base URL of the Koyeb API.
	 * @return the configured value
	 */
	public URI getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Set {@code koyeb.sandbox.base-url}.
	 * @param baseUrl base URL of the Koyeb API
	 */
	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Return {@code koyeb.sandbox.region}: region of sandboxes that set none.
	 * @return the configured value
	 */
	public String getRegion() {
		return this.region;
	}

	/**
	 * Set {@code koyeb.sandbox.region}.
	 * @param region region of sandboxes that set none
	 */
	public void setRegion(String region) {
		this.region = region;
	}

	/**
	 * Return {@code koyeb.sandbox.instance-type}: instance type of sandboxes that set none.
	 * @return the configured value
	 */
	public String getInstanceType() {
		return this.instanceType;
	}

	/**
	 * Set {@code koyeb.sandbox.instance-type}.
	 * @param instanceType instance type of sandboxes that set none
	 */
	public void setInstanceType(String instanceType) {
		this.instanceType = instanceType;
	}

	/**
	 * Return {@code koyeb.sandbox.image}: Docker image of sandboxes that set none.
	 * @return the configured value
	 */
	public String getImage() {
		return this.image;
	}

	/**
	 * Set {@code koyeb.sandbox.image}.
	 * @param image Docker image of sandboxes that set none
	 */
	public void setImage(String image) {
		this.image = image;
	}

	/**
	 * Return {@code koyeb.sandbox.request-timeout}: deadline of each API and executor call, retries included.
	 * @return the configured value
	 */
	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * Set {@code koyeb.sandbox.request-timeout}.
	 * @param requestTimeout deadline of each API and executor call, retries included
	 */
	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Return {@code koyeb.sandbox.ready-timeout}: longest wait for a new sandbox to answer.
	 * @return the configured value
	 */
	public Duration getReadyTimeout() {
		return this.readyTimeout;
	}

	/**
	 * Set {@code koyeb.sandbox.ready-timeout}.
	 * @param readyTimeout longest wait for a new sandbox to answer
	 */
	public void setReadyTimeout(Duration readyTimeout) {
		this.readyTimeout = readyTimeout;
	}

	/**
	 * Return {@code koyeb.sandbox.exec-timeout}: deadline of commands and file transfers that set none.
	 * @return the configured value
	 */
	public Duration getExecTimeout() {
		return this.execTimeout;
	}

	/**
	 * Set {@code koyeb.sandbox.exec-timeout}.
	 * @param execTimeout deadline of commands and file transfers that set none
	 */
	public void setExecTimeout(Duration execTimeout) {
		this.execTimeout = execTimeout;
	}

	/**
	 * Return {@code koyeb.sandbox.owner}: owner written into the name of every sandbox this application
	 * creates, so that the reaper, health and endpoint only ever see and touch this application's sandboxes.
	 * @return the configured value
	 */
	public @Nullable String getOwner() {
		return this.owner;
	}

	/**
	 * Set {@code koyeb.sandbox.owner}.
	 * @param owner owner written into the name of every sandbox this application creates, so that the reaper,
	 * health and endpoint only ever see and touch this application's sandboxes
	 */
	public void setOwner(@Nullable String owner) {
		this.owner = owner;
	}

	/**
	 * Return {@code koyeb.sandbox.delete-on-shutdown}: whether to delete the sandboxes this instance created,
	 * and still exist, when the application context closes.
	 * @return the configured value
	 */
	public boolean isDeleteOnShutdown() {
		return this.deleteOnShutdown;
	}

	/**
	 * Set {@code koyeb.sandbox.delete-on-shutdown}.
	 * @param deleteOnShutdown whether to delete the sandboxes this instance created, and still exist, when
	 * the application context closes
	 */
	public void setDeleteOnShutdown(boolean deleteOnShutdown) {
		this.deleteOnShutdown = deleteOnShutdown;
	}

	/**
	 * Return {@code koyeb.sandbox.lifecycle} settings.
	 * @return the settings
	 */
	public Lifecycle getLifecycle() {
		return this.lifecycle;
	}

	/**
	 * Return {@code koyeb.sandbox.reaper} settings.
	 * @return the settings
	 */
	public Reaper getReaper() {
		return this.reaper;
	}

	/**
	 * Return {@code koyeb.sandbox.emulator} settings.
	 * @return the settings
	 */
	public Emulator getEmulator() {
		return this.emulator;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SandboxProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		SandboxPropertiesValidation.validate((SandboxProperties) target, errors);
	}

	/**
	 * Server-side deletion rules given to every sandbox that sets none, and the longest
	 * rules any sandbox may have.
	 */
	public static class Lifecycle {

		/**
		 * Age at which Koyeb deletes a sandbox that sets no deletion delay, from 60s to 24h,
		 * or 0 for none. A server-side backstop: it applies even if this application dies.
		 */
		private Duration deleteAfter = Duration.ofHours(1);

		/**
		 * Time asleep after which Koyeb deletes a sandbox that sets no such delay, from 60s to
		 * 12h, or 0 for none.
		 */
		private Duration deleteAfterInactivity = Duration.ofMinutes(10);

		/**
		 * Longest deletion delay any sandbox may ask for, from 60s to 24h. When set, a sandbox
		 * that asks for more, or for no deletion, is refused.
		 */
		private @Nullable Duration maxDeleteAfter;

		/**
		 * Longest time asleep before deletion any sandbox may ask for, from 60s to 12h. When
		 * set, a sandbox that asks for more, or for no deletion, is refused.
		 */
		private @Nullable Duration maxDeleteAfterInactivity;

		/**
		 * Create lifecycle settings with their defaults.
		 */
		public Lifecycle() {
		}

		/**
		 * Return {@code koyeb.sandbox.lifecycle.delete-after}: age at which Koyeb deletes a sandbox that sets
		 * no deletion delay, from 60s to 24h, or 0 for none.
		 * @return the configured value
		 */
		public Duration getDeleteAfter() {
			return this.deleteAfter;
		}

		/**
		 * Set {@code koyeb.sandbox.lifecycle.delete-after}.
		 * @param deleteAfter age at which Koyeb deletes a sandbox that sets no deletion delay, from 60s to
		 * 24h, or 0 for none
		 */
		public void setDeleteAfter(Duration deleteAfter) {
			this.deleteAfter = deleteAfter;
		}

		/**
		 * Return {@code koyeb.sandbox.lifecycle.delete-after-inactivity}: time asleep after which Koyeb
		 * deletes a sandbox that sets no such delay, from 60s to 12h, or 0 for none.
		 * @return the configured value
		 */
		public Duration getDeleteAfterInactivity() {
			return this.deleteAfterInactivity;
		}

		/**
		 * Set {@code koyeb.sandbox.lifecycle.delete-after-inactivity}.
		 * @param deleteAfterInactivity time asleep after which Koyeb deletes a sandbox that sets no such
		 * delay, from 60s to 12h, or 0 for none
		 */
		public void setDeleteAfterInactivity(Duration deleteAfterInactivity) {
			this.deleteAfterInactivity = deleteAfterInactivity;
		}

		/**
		 * Return {@code koyeb.sandbox.lifecycle.max-delete-after}: longest deletion delay any sandbox may ask
		 * for, from 60s to 24h.
		 * @return the configured value
		 */
		public @Nullable Duration getMaxDeleteAfter() {
			return this.maxDeleteAfter;
		}

		/**
		 * Set {@code koyeb.sandbox.lifecycle.max-delete-after}.
		 * @param maxDeleteAfter longest deletion delay any sandbox may ask for, from 60s to 24h
		 */
		public void setMaxDeleteAfter(@Nullable Duration maxDeleteAfter) {
			this.maxDeleteAfter = maxDeleteAfter;
		}

		/**
		 * Return {@code koyeb.sandbox.lifecycle.max-delete-after-inactivity}: longest time asleep before
		 * deletion any sandbox may ask for, from 60s to 12h.
		 * @return the configured value
		 */
		public @Nullable Duration getMaxDeleteAfterInactivity() {
			return this.maxDeleteAfterInactivity;
		}

		/**
		 * Set {@code koyeb.sandbox.lifecycle.max-delete-after-inactivity}.
		 * @param maxDeleteAfterInactivity longest time asleep before deletion any sandbox may ask for, from
		 * 60s to 12h
		 */
		public void setMaxDeleteAfterInactivity(@Nullable Duration maxDeleteAfterInactivity) {
			this.maxDeleteAfterInactivity = maxDeleteAfterInactivity;
		}

	}

	/**
	 * The reaper, which deletes this application's sandboxes past their limits.
	 */
	public static class Reaper {

		/**
		 * Whether to run the reaper.
		 */
		private boolean enabled = true;

		/**
		 * Time between two runs of the reaper, from 1s to 24h.
		 */
		private Duration interval = Duration.ofMinutes(1);

		/**
		 * Age past which the reaper deletes a sandbox of this application. Unset means no
		 * limit.
		 */
		private @Nullable Duration maxAge;

		/**
		 * Time without use past which the reaper deletes a sandbox this instance has used.
		 * Unset means no limit.
		 */
		private @Nullable Duration maxIdle;

		/**
		 * Create reaper settings with their defaults.
		 */
		public Reaper() {
		}

		/**
		 * Return {@code koyeb.sandbox.reaper.enabled}: whether to run the reaper.
		 * @return the configured value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code koyeb.sandbox.reaper.enabled}.
		 * @param enabled whether to run the reaper
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return {@code koyeb.sandbox.reaper.interval}: time between two runs of the reaper, from 1s to 24h.
		 * @return the configured value
		 */
		public Duration getInterval() {
			return this.interval;
		}

		/**
		 * Set {@code koyeb.sandbox.reaper.interval}.
		 * @param interval time between two runs of the reaper, from 1s to 24h
		 */
		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		/**
		 * Return {@code koyeb.sandbox.reaper.max-age}: age past which the reaper deletes a sandbox of this
		 * application.
		 * @return the configured value
		 */
		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		/**
		 * Set {@code koyeb.sandbox.reaper.max-age}.
		 * @param maxAge age past which the reaper deletes a sandbox of this application
		 */
		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

		/**
		 * Return {@code koyeb.sandbox.reaper.max-idle}: time without use past which the reaper deletes a
		 * sandbox this instance has used.
		 * @return the configured value
		 */
		public @Nullable Duration getMaxIdle() {
			return this.maxIdle;
		}

		/**
		 * Set {@code koyeb.sandbox.reaper.max-idle}.
		 * @param maxIdle time without use past which the reaper deletes a sandbox this instance has used
		 */
		public void setMaxIdle(@Nullable Duration maxIdle) {
			this.maxIdle = maxIdle;
		}

	}

	/**
	 * The embedded emulator, used when no API token is set and sandbox-emulator is on the
	 * classpath.
	 */
	public static class Emulator {

		/**
		 * Whether to start an embedded emulator when no API token is set.
		 */
		private boolean enabled = true;

		/**
		 * Port of the embedded emulator, on the loopback interface; 0 picks a free one.
		 */
		private int port;

		/**
		 * How the embedded emulator runs sandboxes: auto (a container of the image where Docker
		 * has it, else bubblewrap isolation where it works), bubblewrap, docker or plain.
		 */
		private RuntimeMode runtime = RuntimeMode.AUTO;

		/**
		 * How many times faster than the wall clock the embedded emulator's time runs, to see
		 * lifecycle rules act in seconds; this application's ages and idle times follow it.
		 */
		private long timeScale = 1;

		/**
		 * Create emulator settings with their defaults.
		 */
		public Emulator() {
		}

		/**
		 * Return {@code koyeb.sandbox.emulator.enabled}: whether to start an embedded emulator when no API
		 * token is set.
		 * @return the configured value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code koyeb.sandbox.emulator.enabled}.
		 * @param enabled whether to start an embedded emulator when no API token is set
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return {@code koyeb.sandbox.emulator.port}: port of the embedded emulator, on the loopback
		 * interface; 0 picks a free one.
		 * @return the configured value
		 */
		public int getPort() {
			return this.port;
		}

		/**
		 * Set {@code koyeb.sandbox.emulator.port}.
		 * @param port port of the embedded emulator, on the loopback interface; 0 picks a free one
		 */
		public void setPort(int port) {
			this.port = port;
		}

		/**
		 * Return {@code koyeb.sandbox.emulator.runtime}: how the embedded emulator runs sandboxes: auto (a
		 * container of the image where Docker has it, else bubblewrap isolation where it works), bubblewrap,
		 * docker or plain.
		 * @return the configured value
		 */
		public RuntimeMode getRuntime() {
			return this.runtime;
		}

		/**
		 * Set {@code koyeb.sandbox.emulator.runtime}.
		 * @param runtime how the embedded emulator runs sandboxes: auto (a container of the image where
		 * Docker has it, else bubblewrap isolation where it works), bubblewrap, docker or plain
		 */
		public void setRuntime(RuntimeMode runtime) {
			this.runtime = runtime;
		}

		/**
		 * Return {@code koyeb.sandbox.emulator.time-scale}: how many times faster than the wall clock the
		 * embedded emulator's time runs, to see lifecycle rules act in seconds; this application's ages and
		 * idle times follow it.
		 * @return the configured value
		 */
		public long getTimeScale() {
			return this.timeScale;
		}

		/**
		 * Set {@code koyeb.sandbox.emulator.time-scale}.
		 * @param timeScale how many times faster than the wall clock the embedded emulator's time runs, to
		 * see lifecycle rules act in seconds; this application's ages and idle times follow it
		 */
		public void setTimeScale(long timeScale) {
			this.timeScale = timeScale;
		}

		/**
		 * How the embedded emulator runs sandboxes.
		 */
		public enum RuntimeMode {

			/**
			 * A container of the sandbox's image where Docker has or can pull it, else bubblewrap
			 * isolation where it works on this machine, else plain processes.
			 */
			AUTO,

			/**
			 * Processes isolated by bubblewrap; the start fails where bubblewrap does not work.
			 */
			BUBBLEWRAP,

			/**
			 * Each sandbox a container of its image on a Docker engine, which must be reachable.
			 */
			DOCKER,

			/**
			 * Plain host processes, not isolated: for trusted code only.
			 */
			PLAIN

		}

	}

}

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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.executor.ExecutorClient;
import dev.sandboxes.koyeb.observation.SandboxObservationConvention;
import dev.sandboxes.koyeb.observation.SandboxObservations;
import dev.sandboxes.koyeb.transport.HttpExchanges;
import dev.sandboxes.koyeb.transport.RetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builder of {@link SandboxTemplate} and {@link ReactiveSandboxTemplate}. Only the API
 * token is required; every other setting has a default.
 *
 * @since 0.1.0
 */
public final class SandboxTemplateBuilder {

	/**
	 * Region used when none is configured.
	 */
	public static final String DEFAULT_REGION = "na";

	/**
	 * Instance type used when none is configured.
	 */
	public static final String DEFAULT_INSTANCE_TYPE = "micro";

	private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private @Nullable String apiToken;

	private URI baseUrl = KoyebApi.DEFAULT_BASE_URL;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilderSupplier;

	private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

	private Duration requestTimeout = Duration.ofSeconds(30);

	private Duration readyTimeout = Duration.ofMinutes(5);

	private Duration execTimeout = Duration.ofMinutes(1);

	private String image = SandboxSpec.DEFAULT_IMAGE;

	private String region = DEFAULT_REGION;

	private String instanceType = DEFAULT_INSTANCE_TYPE;

	private SandboxLifecycle defaultLifecycle = new SandboxLifecycle(null, null);

	private LifecycleCaps lifecycleCaps = LifecycleCaps.NONE;

	private @Nullable SandboxOwner owner;

	private final List<SandboxListener> listeners = new ArrayList<>();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable SandboxObservationConvention observationConvention;

	private int maxResponseSize = 64 * 1024 * 1024;

	private Clock clock = Clock.systemUTC();

	SandboxTemplateBuilder() {
	}

	/**
	 * Set the Koyeb API token (required). It is sent only to the base URL and never
	 * logged.
	 * @param apiToken the token
	 * @return this builder
	 */
	public SandboxTemplateBuilder apiToken(String apiToken) {
		this.apiToken = apiToken;
		return this;
	}

	/**
	 * Set the base URL of the Koyeb API, {@code https://app.koyeb.com} by default; point it
	 * at an emulator to run without Koyeb.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public SandboxTemplateBuilder baseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	/**
	 * Set the base URL of the Koyeb API.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public SandboxTemplateBuilder baseUrl(String baseUrl) {
		return baseUrl(URI.create(baseUrl));
	}

	/**
	 * Set the builder of the WebClient that sends every request, so that an
	 * application's filters, connector and observation apply. It is cloned when the
	 * template is built, not changed; the clone builds the WebClient when the first request
	 * is sent.
	 * @param webClientBuilder the WebClient builder
	 * @return this builder
	 */
	public SandboxTemplateBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = webClientBuilder;
		this.webClientBuilderSupplier = null;
		return this;
	}

	/**
	 * Set what supplies the builder of the WebClient that sends every request, asked once,
	 * when the first request is sent: for a builder that is costly to get, such as one
	 * that creates its connector, so that a template that sends no request yet does not
	 * pay for it. The builder supplied is cloned, not changed; if the supplier gives
	 * {@code null}, the default connector is used.
	 * @param webClientBuilder what supplies the WebClient builder, or {@code null} for the
	 * default connector
	 * @return this builder
	 */
	public SandboxTemplateBuilder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder) {
		this.webClientBuilderSupplier = webClientBuilder;
		this.webClientBuilder = null;
		return this;
	}

	/**
	 * Set how failed calls are retried.
	 * @param retryPolicy the retry policy
	 * @return this builder
	 */
	public SandboxTemplateBuilder retryPolicy(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * Set the deadline of each control-plane and executor call, retries included; 30 s by
	 * default.
	 * @param requestTimeout the deadline
	 * @return this builder
	 */
	public SandboxTemplateBuilder requestTimeout(Duration requestTimeout) {
		this.requestTimeout = SpecValidation.checkPositive("requestTimeout", requestTimeout);
		return this;
	}

	/**
	 * Set the longest wait for a new sandbox to answer; 5 min by default.
	 * @param readyTimeout the timeout
	 * @return this builder
	 */
	public SandboxTemplateBuilder readyTimeout(Duration readyTimeout) {
		this.readyTimeout = SpecValidation.checkPositive("readyTimeout", readyTimeout);
		return this;
	}

	/**
	 * Set the deadline of commands and transfers that set none; 1 min by default.
	 * @param execTimeout the deadline
	 * @return this builder
	 */
	public SandboxTemplateBuilder execTimeout(Duration execTimeout) {
		this.execTimeout = SpecValidation.checkPositive("execTimeout", execTimeout);
		return this;
	}

	/**
	 * Set the Docker image of sandboxes whose spec sets none;
	 * {@value SandboxSpec#DEFAULT_IMAGE} by default.
	 * @param image the image
	 * @return this builder
	 */
	public SandboxTemplateBuilder image(String image) {
		this.image = SpecValidation.checkNotBlank("image", image);
		return this;
	}

	/**
	 * Set the region of sandboxes whose spec sets none; {@value #DEFAULT_REGION} by default.
	 * @param region the region
	 * @return this builder
	 */
	public SandboxTemplateBuilder region(String region) {
		this.region = SpecValidation.checkName("region", region, 2, 32);
		return this;
	}

	/**
	 * Set the instance type of sandboxes whose spec sets none;
	 * {@value #DEFAULT_INSTANCE_TYPE} by default.
	 * @param instanceType the instance type
	 * @return this builder
	 */
	public SandboxTemplateBuilder instanceType(String instanceType) {
		this.instanceType = SpecValidation.checkName("instanceType", instanceType, 2, 32);
		return this;
	}

	/**
	 * Set the lifecycle of sandboxes whose spec sets none, so that every sandbox has a
	 * server-side deletion backstop.
	 * @param defaultLifecycle the lifecycle; {@code null} components mean none
	 * @return this builder
	 */
	public SandboxTemplateBuilder defaultLifecycle(SandboxLifecycle defaultLifecycle) {
		this.defaultLifecycle = SpecValidation.checkLifecycle(defaultLifecycle);
		return this;
	}

	/**
	 * Set the longest lifecycle any sandbox may have, a policy stricter than Koyeb's
	 * limits: under a cap, a rule must be on and no longer than the cap, at creation and
	 * in every later change. Checked before any HTTP call.
	 * @param maxima the caps; a {@code null} or zero component means no cap
	 * @return this builder
	 */
	public SandboxTemplateBuilder lifecycleCaps(SandboxLifecycle maxima) {
		this.lifecycleCaps = LifecycleCaps.of(maxima);
		return this;
	}

	/**
	 * Set the owner written into the name of every sandbox this template creates, so that
	 * the owner's sandboxes can be told apart in a plain list.
	 * @param owner the owner
	 * @return this builder
	 * @see SandboxOwner
	 */
	public SandboxTemplateBuilder owner(SandboxOwner owner) {
		this.owner = owner;
		return this;
	}

	/**
	 * Add a listener told of the creations, uses and deletions made through the template.
	 * @param listener the listener
	 * @return this builder
	 */
	public SandboxTemplateBuilder listener(SandboxListener listener) {
		this.listeners.add(listener);
		return this;
	}

	/**
	 * Set the registry observing every operation; {@link ObservationRegistry#NOOP} by
	 * default.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public SandboxTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Set a convention replacing the default one of the observations.
	 * @param observationConvention the convention
	 * @return this builder
	 */
	public SandboxTemplateBuilder observationConvention(SandboxObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set the largest response body read whole into memory; 64 MiB by default. Streamed
	 * output and downloads are not limited.
	 * @param maxResponseSize the limit in bytes
	 * @return this builder
	 */
	public SandboxTemplateBuilder maxResponseSize(int maxResponseSize) {
		if (maxResponseSize < 1024) {
			throw new InvalidSandboxSpecException("maxResponseSize", maxResponseSize, "must be at least 1024 bytes");
		}
		this.maxResponseSize = maxResponseSize;
		return this;
	}

	/**
	 * Set the clock of lifetime arithmetic.
	 * @param clock the clock
	 * @return this builder
	 */
	public SandboxTemplateBuilder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Build a reactive template. Its WebClient is built when it sends its first request, so
	 * that building the template costs little.
	 * @return the template
	 * @throws InvalidSandboxSpecException if no API token was set
	 */
	public ReactiveSandboxTemplate buildReactive() {
		String token = this.apiToken;
		if (token == null || token.isBlank()) {
			throw new InvalidSandboxSpecException("apiToken", "",
					"must be set to a Koyeb API token (or to any value for an emulator)");
		}
		HttpExchanges http = new HttpExchanges(webClient(), this.retryPolicy, this.maxResponseSize);
		KoyebApi api = new KoyebApi(http, this.baseUrl, token, this.requestTimeout);
		ExecutorClient executor = new ExecutorClient(http, this.requestTimeout);
		SandboxObservations observations = new SandboxObservations(this.observationRegistry,
				this.observationConvention);
		ClientSettings settings = new ClientSettings(this.image, this.region, this.instanceType, this.defaultLifecycle,
				this.lifecycleCaps, this.owner, this.readyTimeout, this.execTimeout, this.clock);
		return new ReactiveSandboxTemplate(
				new ClientContext(api, executor, observations, settings, new SandboxListeners(this.listeners)));
	}

	/**
	 * Build a blocking template.
	 * @return the template
	 * @throws InvalidSandboxSpecException if no API token was set
	 */
	public SandboxTemplate build() {
		return new SandboxTemplate(buildReactive());
	}

	private Supplier<WebClient> webClient() {
		WebClient.Builder given = this.webClientBuilder;
		if (given != null) {
			WebClient.Builder copy = given.clone();
			return copy::build;
		}
		Supplier<WebClient.@Nullable Builder> supplier = this.webClientBuilderSupplier;
		return () -> {
			WebClient.Builder supplied = (supplier != null) ? supplier.get() : null;
			return (supplied != null) ? supplied.clone().build()
					: WebClient.builder().clientConnector(defaultConnector()).build();
		};
	}

	private static ReactorClientHttpConnector defaultConnector() {
		return new ReactorClientHttpConnector(HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) DEFAULT_CONNECT_TIMEOUT.toMillis()));
	}

	@Override
	public String toString() {
		return "SandboxTemplateBuilder[baseUrl=" + this.baseUrl + ", region=" + this.region + ", instanceType="
				+ this.instanceType + ", owner=" + this.owner + "]";
	}

}

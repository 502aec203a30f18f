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

package dev.sandboxes.koyeb.observation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wraps reactive sandbox operations in {@link SandboxObservationDocumentation#SANDBOX_OPERATION}
 * observations. Free when the registry is {@link ObservationRegistry#NOOP}.
 *
 * @since 0.1.0
 */
public final class SandboxObservations {

	private static final DefaultSandboxObservationConvention DEFAULT_CONVENTION = new DefaultSandboxObservationConvention();

	/**
	 * Reactor context key under which Micrometer looks up the current observation, so that
	 * the HTTP exchanges of an operation become its children.
	 */
	private static final String OBSERVATION_CONTEXT_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	private final @Nullable SandboxObservationConvention customConvention;

	/**
	 * Create an instance.
	 * @param registry the registry to report to
	 * @param customConvention a convention replacing the default, if any
	 */
	public SandboxObservations(ObservationRegistry registry, @Nullable SandboxObservationConvention customConvention) {
		this.registry = registry;
		this.customConvention = customConvention;
	}

	/**
	 * Observe a single-valued operation.
	 * @param <T> the result type
	 * @param operation the operation name
	 * @param sandboxId the sandbox id, if known
	 * @param mono the operation
	 * @return the observed operation
	 */
	public <T> Mono<T> observe(String operation, @Nullable String sandboxId, Mono<T> mono) {
		return observe(operation, sandboxId, mono, (context, value) -> {
		});
	}

	/**
	 * Observe a single-valued operation, updating the context from its result (for example
	 * the id of a created sandbox).
	 * @param <T> the result type
	 * @param operation the operation name
	 * @param sandboxId the sandbox id, if known
	 * @param mono the operation
	 * @param onResult updates the context from the result
	 * @return the observed operation
	 */
	public <T> Mono<T> observe(String operation, @Nullable String sandboxId, Mono<T> mono,
			BiConsumer<SandboxObservationContext, T> onResult) {
		if (this.registry.isNoop()) {
			return mono;
		}
		return Mono.defer(() -> {
			SandboxObservationContext context = new SandboxObservationContext(operation, sandboxId);
			RunningObservation running = new RunningObservation(start(context));
			return mono.doOnSuccess((value) -> {
				if (value != null) {
					onResult.accept(context, value);
				}
				running.stop();
			})
				.doOnError(running::fail)
				.doOnCancel(() -> running.cancel(context))
				.contextWrite((ctx) -> ctx.put(OBSERVATION_CONTEXT_KEY, running.observation));
		});
	}

	/**
	 * Observe a multi-valued operation, from subscription to its last element.
	 * @param <T> the element type
	 * @param operation the operation name
	 * @param sandboxId the sandbox id
	 * @param flux the operation
	 * @return the observed operation
	 */
	public <T> Flux<T> observeMany(String operation, @Nullable String sandboxId, Flux<T> flux) {
		if (this.registry.isNoop()) {
			return flux;
		}
		return Flux.defer(() -> {
			SandboxObservationContext context = new SandboxObservationContext(operation, sandboxId);
			RunningObservation running = new RunningObservation(start(context));
			return flux.doOnComplete(running::stop)
				.doOnError(running::fail)
				.doOnCancel(() -> running.cancel(context))
				.contextWrite((ctx) -> ctx.put(OBSERVATION_CONTEXT_KEY, running.observation));
		});
	}

	private Observation start(SandboxObservationContext context) {
		return SandboxObservationDocumentation.SANDBOX_OPERATION
			.observation(this.customConvention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
	}

	/**
	 * An observation stopped exactly once, before the signal that ends the operation
	 * reaches the caller.
	 */
	private static final class RunningObservation {

		private final Observation observation;

		private final AtomicBoolean stopped = new AtomicBoolean();

		RunningObservation(Observation observation) {
			this.observation = observation;
		}

		void stop() {
			if (this.stopped.compareAndSet(false, true)) {
				this.observation.stop();
			}
		}

		void fail(Throwable error) {
			if (!this.stopped.get()) {
				this.observation.error(error);
			}
			stop();
		}

		void cancel(SandboxObservationContext context) {
			if (!this.stopped.get()) {
				context.markCancelled();
			}
			stop();
		}

	}

}

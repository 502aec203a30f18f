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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.controlplane.Service;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import dev.sandboxes.koyeb.executor.ExecutorEndpoint;
import dev.sandboxes.koyeb.executor.RunRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ReactiveSandbox} over the executor and control-plane clients. The executor
 * address is resolved once and cached.
 */
final class DefaultReactiveSandbox implements ReactiveSandbox {

	private static final Logger logger = LoggerFactory.getLogger(DefaultReactiveSandbox.class);

	private final ClientContext context;

	private final SandboxIdentity identity;

	private final Mono<SandboxAddress> address;

	private final DefaultReactiveSandboxFiles files;

	private final DefaultReactiveSandboxProcesses processes;

	private final DefaultReactiveSandboxPorts ports;

	DefaultReactiveSandbox(ClientContext context, SandboxIdentity identity, Mono<SandboxAddress> address) {
		this.context = context;
		this.identity = identity;
		this.address = address.cache((value) -> Duration.ofNanos(Long.MAX_VALUE), (ex) -> Duration.ZERO,
				() -> Duration.ZERO);
		this.files = new DefaultReactiveSandboxFiles(this);
		this.processes = new DefaultReactiveSandboxProcesses(this);
		this.ports = new DefaultReactiveSandboxPorts(this);
	}

	@Override
	public String id() {
		return this.identity.id();
	}

	@Override
	public String name() {
		return this.identity.name();
	}

	@Override
	public String appId() {
		return this.identity.appId();
	}

	@Override
	public Mono<SandboxInfo> info() {
		return observeQuietly("info", this.context.api().getService(id()).map(SandboxInfos::of));
	}

	@Override
	public Mono<ExecResult> exec(String command) {
		return exec(ExecSpec.of(command));
	}

	@Override
	public Mono<ExecResult> exec(ExecSpec spec) {
		Duration timeout = execTimeout(spec);
		return observe("exec", executor().flatMap((endpoint) -> this.context.executor()
			.run(endpoint, runRequest(spec), timeout)).map((result) -> ExecResultCollector.checkExit(spec, result)));
	}

	@Override
	public Flux<ExecEvent> execStream(String command) {
		return execStream(ExecSpec.of(command));
	}

	@Override
	public Flux<ExecEvent> execStream(ExecSpec spec) {
		return observeMany("exec.stream", stream(spec));
	}

	/**
	 * Stream a command's events under its deadline, without observation. The deadline is
	 * the whole command's, however steadily it prints: one timer per command, cancelled when
	 * the stream ends or is cancelled. The subscriber's demand reaches the connection as it
	 * is, so the output is read as fast as the subscriber takes it.
	 * @param spec the command
	 * @return the events
	 */
	Flux<ExecEvent> stream(ExecSpec spec) {
		Duration timeout = execTimeout(spec);
		Mono<Void> deadline = Mono.delay(timeout)
			.then(Mono.error(() -> new SandboxTimeoutException("POST /run_streaming", timeout, null)));
		return executor().flatMapMany((endpoint) -> this.context.executor().runStreaming(endpoint, runRequest(spec)))
			.takeUntilOther(deadline);
	}

	@Override
	public ReactiveSandboxFiles files() {
		return this.files;
	}

	@Override
	public ReactiveSandboxProcesses processes() {
		return this.processes;
	}

	@Override
	public ReactiveSandboxPorts ports() {
		return this.ports;
	}

	@Override
	public Mono<Void> updateLifecycle(SandboxLifecycle lifecycle) {
		SpecValidation.checkLifecycle(lifecycle);
		this.context.settings().lifecycleCaps().check(lifecycle.deleteAfter(), lifecycle.deleteAfterInactivity());
		return observe("lifecycle.update", patchLifecycle((service) -> lifecycle));
	}

	@Override
	public Mono<Void> extendLifetime(Duration duration) {
		SpecValidation.checkPositive("duration", duration);
		Clock clock = this.context.settings().clock();
		return observe("lifecycle.extend", patchLifecycle((service) -> {
			Instant createdAt = (service.createdAt() != null) ? service.createdAt() : clock.instant();
			Duration age = Duration.between(createdAt, clock.instant());
			return SandboxLifecycle.deleteAfter(LifetimeArithmetic.deleteAfterFromNow(age, duration,
					this.context.settings().lifecycleCaps().maxDeleteAfter()));
		}));
	}

	/**
	 * Read the service, merge the requested rules into its current ones and send both
	 * values, so that a rule left {@code null} keeps its value.
	 */
	private Mono<Void> patchLifecycle(Function<Service, SandboxLifecycle> requested) {
		KoyebApi api = this.context.api();
		return api.getService(id()).flatMap((service) -> {
			SandboxLifecycle lifecycle = requested.apply(service);
			ServiceLifeCycle current = (service.lifeCycle() != null) ? service.lifeCycle()
					: new ServiceLifeCycle(0L, 0L);
			ServiceLifeCycle updated = new ServiceLifeCycle(
					seconds(lifecycle.deleteAfter(), current.deleteAfterCreate()),
					seconds(lifecycle.deleteAfterInactivity(), current.deleteAfterSleep()));
			return api.updateLifecycle(id(), updated);
		}).then();
	}

	@Override
	public Mono<Boolean> isHealthy() {
		return observeQuietly("health", executor().flatMap((endpoint) -> this.context.executor().isHealthy(endpoint)));
	}

	@Override
	public Mono<Void> delete() {
		KoyebApi api = this.context.api();
		Mono<Void> delete = this.identity.ownsApp() ? api.deleteApp(appId()) : api.deleteService(id());
		return observeQuietly("delete", delete.doOnSuccess((done) -> {
			logger.debug("Deleted sandbox {}", id());
			this.context.listener().deleted(id());
		}));
	}

	@Override
	public String toString() {
		return "ReactiveSandbox[id=" + id() + ", name=" + name() + ", appId=" + appId() + "]";
	}

	ClientContext context() {
		return this.context;
	}

	Mono<ExecutorEndpoint> executor() {
		return this.address.map(SandboxAddress::executor);
	}

	Mono<SandboxAddress> address() {
		return this.address;
	}

	/**
	 * Observe an operation that uses the sandbox, telling the listener when it starts and
	 * when it ends.
	 */
	<T> Mono<T> observe(String operation, Mono<T> mono) {
		return observeQuietly(operation, Mono.defer(() -> {
			ListenedOperation listened = new ListenedOperation(this.context.listener(), id());
			return mono.doOnSuccess((value) -> listened.finish())
				.doOnError((ex) -> listened.finish())
				.doOnCancel(listened::finish);
		}));
	}

	/**
	 * Observe a streaming operation that uses the sandbox, telling the listener when it
	 * starts and when it ends.
	 */
	<T> Flux<T> observeMany(String operation, Flux<T> flux) {
		return this.context.observations().observeMany(operation, id(), Flux.defer(() -> {
			ListenedOperation listened = new ListenedOperation(this.context.listener(), id());
			return flux.doOnComplete(listened::finish).doOnError((ex) -> listened.finish()).doOnCancel(listened::finish);
		}));
	}

	/**
	 * Observe an operation that reads or removes the sandbox without using it.
	 */
	private <T> Mono<T> observeQuietly(String operation, Mono<T> mono) {
		return this.context.observations().observe(operation, id(), mono);
	}

	/**
	 * One operation as the listener hears of it: started when created, finished once, as
	 * soon as its outcome is known and before the caller sees it.
	 */
	private static final class ListenedOperation {

		private final SandboxListener listener;

		private final String id;

		private final AtomicBoolean finished = new AtomicBoolean();

		ListenedOperation(SandboxListener listener, String id) {
			this.listener = listener;
			this.id = id;
			listener.operationStarted(id);
		}

		void finish() {
			if (this.finished.compareAndSet(false, true)) {
				this.listener.operationFinished(this.id);
			}
		}

	}

	Duration execTimeout(ExecSpec spec) {
		return (spec.getTimeout() != null) ? spec.getTimeout() : this.context.settings().execTimeout();
	}

	static RunRequest runRequest(ExecSpec spec) {
		return new RunRequest(spec.getCommand(), spec.getCwd(), spec.getEnv().isEmpty() ? null : spec.getEnv());
	}

	private static long seconds(@Nullable Duration requested, @Nullable Long current) {
		if (requested != null) {
			return requested.toSeconds();
		}
		return (current != null) ? current : 0L;
	}

}

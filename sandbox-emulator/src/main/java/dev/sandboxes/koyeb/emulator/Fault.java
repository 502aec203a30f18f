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

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A fault the emulator injects into the requests that match it, for testing how a client copes:
 * an error status (with {@code Retry-After} if asked), a delay, or a connection dropped before the
 * answer or part way through it. Off unless {@link EmulatorFaults#inject(Fault) injected}.
 *
 * <pre class="code">
 * emulator.faults().inject(Fault.on("GET", "/v1/services/").respond(503).times(2));
 * emulator.faults().inject(Fault.on("POST", "/koyeb-sandbox/run_streaming").dropAfter(200));
 * </pre>
 *
 * @since 0.1.0
 */
public final class Fault {

	/** What happens to a matching request. */
	enum Outcome {

		/** Handled normally, after the delay. */
		HANDLE,

		/** Answered with an error status. */
		RESPOND,

		/** Its connection is closed before any answer. */
		DROP,

		/** Its connection is closed once part of the answer is written. */
		DROP_AFTER

	}

	private final @Nullable String method;

	private final String pathPrefix;

	private Outcome outcome = Outcome.HANDLE;

	private int status;

	private @Nullable Duration retryAfter;

	private Duration delay = Duration.ZERO;

	private long bytesBeforeDrop;

	private int times = 1;

	private Fault(@Nullable String method, String pathPrefix) {
		this.method = method;
		this.pathPrefix = pathPrefix;
	}

	/**
	 * A fault for the requests with a method and a path that starts with a prefix.
	 * @param method the HTTP method, or {@code *} for any
	 * @param pathPrefix the start of the path, for example {@code /v1/services} or
	 * {@code /koyeb-sandbox/run}
	 * @return the fault, which by default handles the request normally; choose what happens next
	 */
	public static Fault on(String method, String pathPrefix) {
		Assert.hasText(method, "'method' must not be empty");
		Assert.isTrue(pathPrefix.startsWith("/"), () -> "'pathPrefix' must start with '/', was '" + pathPrefix + "'");
		return new Fault(method.equals("*") ? null : method.toUpperCase(Locale.ROOT), pathPrefix);
	}

	/**
	 * Answer with an error status instead of handling the request: a Koyeb {@code Error} body under
	 * {@code /v1/}, the executor's plain text elsewhere.
	 * @param status the status, 400 to 599
	 * @return this fault
	 */
	public Fault respond(int status) {
		Assert.isTrue(status >= 400 && status <= 599, () -> "'status' must be from 400 to 599, was " + status);
		this.outcome = Outcome.RESPOND;
		this.status = status;
		return this;
	}

	/**
	 * Add a {@code Retry-After} header, in whole seconds, to the error status.
	 * @param retryAfter the delay to announce
	 * @return this fault
	 */
	public Fault retryAfter(Duration retryAfter) {
		Assert.isTrue(!retryAfter.isNegative(), "'retryAfter' must not be negative");
		this.retryAfter = retryAfter;
		return this;
	}

	/**
	 * Wait before doing anything else with the request.
	 * @param delay the wait
	 * @return this fault
	 */
	public Fault delay(Duration delay) {
		Assert.isTrue(!delay.isNegative(), "'delay' must not be negative");
		this.delay = delay;
		return this;
	}

	/**
	 * Close the connection without answering.
	 * @return this fault
	 */
	public Fault dropConnection() {
		this.outcome = Outcome.DROP;
		return this;
	}

	/**
	 * Handle the request, then close the connection once this many bytes of the answer's body are
	 * written: a cut in the middle of a stream.
	 * @param bytes the body bytes written before the cut, at least 0
	 * @return this fault
	 */
	public Fault dropAfter(long bytes) {
		Assert.isTrue(bytes >= 0, () -> "'bytes' must not be negative, was " + bytes);
		this.outcome = Outcome.DROP_AFTER;
		this.bytesBeforeDrop = bytes;
		return this;
	}

	/**
	 * How many matching requests get the fault; 1 by default.
	 * @param times the count, at least 1
	 * @return this fault
	 */
	public Fault times(int times) {
		Assert.isTrue(times >= 1, () -> "'times' must be at least 1, was " + times);
		this.times = times;
		return this;
	}

	/**
	 * Give the fault to every matching request until the faults are cleared.
	 * @return this fault
	 */
	public Fault always() {
		this.times = Integer.MAX_VALUE;
		return this;
	}

	boolean matches(String requestMethod, String path) {
		return (this.method == null || this.method.equals(requestMethod)) && path.startsWith(this.pathPrefix);
	}

	Outcome outcome() {
		return this.outcome;
	}

	int status() {
		return this.status;
	}

	@Nullable Duration retryAfterValue() {
		return this.retryAfter;
	}

	Duration delayValue() {
		return this.delay;
	}

	long bytesBeforeDrop() {
		return this.bytesBeforeDrop;
	}

	int timesValue() {
		return this.times;
	}

	@Override
	public String toString() {
		return "Fault[" + ((this.method != null) ? this.method : "*") + " " + this.pathPrefix + " -> " + this.outcome
				+ ((this.outcome == Outcome.RESPOND) ? " " + this.status : "") + ", delay " + this.delay + ", "
				+ ((this.times == Integer.MAX_VALUE) ? "always" : this.times + " time(s)") + "]";
	}

}

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

package dev.sandboxes.koyeb.transport;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxRateLimitException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Runs HTTP calls under a deadline with the {@link RetryPolicy}: every call ends within
 * its deadline with a result or a {@link SandboxException}, and no WebClient or Netty
 * exception escapes.
 *
 * @since 0.1.0
 */
public final class RetryableCalls {

	private static final int ATTEMPTS_PER_DEADLINE = 3;

	private final RetryPolicy policy;

	/**
	 * Create calls that retry with the given policy.
	 * @param policy the retry policy
	 */
	public RetryableCalls(RetryPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Run a call: each subscription to {@code attempt} is one HTTP exchange.
	 * @param <T> the result type
	 * @param operation the operation named in timeout errors, for example
	 * {@code GET /v1/services/{id}}
	 * @param kind whether the call may be repeated
	 * @param deadline the deadline of the whole call, retries included
	 * @param attempt the exchange, mapping error responses to {@link SandboxException}s
	 * @return the result, or an error that is always a {@link SandboxException}
	 */
	public <T> Mono<T> call(String operation, CallKind kind, Duration deadline, Supplier<Mono<T>> attempt) {
		return Mono.defer(() -> {
			long expiresAt = System.nanoTime() + deadline.toNanos();
			return attempt(operation, kind, deadline, attempt).retryWhen(retry(kind, expiresAt));
		})
			.timeout(deadline)
			.onErrorMap(TimeoutException.class, (ex) -> new SandboxTimeoutException(operation, deadline, null));
	}

	/**
	 * One attempt. An idempotent attempt that hangs is abandoned after a third of the
	 * deadline, so that a retry can still succeed within it.
	 */
	private static <T> Mono<T> attempt(String operation, CallKind kind, Duration deadline,
			Supplier<Mono<T>> attempt) {
		Mono<T> exchange = Mono.defer(attempt);
		if (kind == CallKind.IDEMPOTENT) {
			Duration attemptTimeout = deadline.dividedBy(ATTEMPTS_PER_DEADLINE);
			exchange = exchange.timeout(attemptTimeout)
				.onErrorMap(TimeoutException.class, (ex) -> new SandboxConnectionException(
						operation + " got no response within " + attemptTimeout, null));
		}
		return exchange.onErrorMap((ex) -> !(ex instanceof SandboxException), (ex) -> translate(operation, ex));
	}

	/**
	 * Translate a failure that is not a {@link SandboxException} (network errors, timeouts
	 * of one attempt) into one.
	 * @param operation the operation
	 * @param ex the failure
	 * @return the translated failure
	 */
	public static Throwable translate(String operation, Throwable ex) {
		if (ex instanceof SandboxException || ex instanceof TimeoutException) {
			return ex;
		}
		if (ex instanceof WebClientException || isNetworkFailure(ex)) {
			Throwable root = rootCause(ex);
			return new SandboxConnectionException(operation + " failed: " + describe(root),
					(root instanceof ConnectException) ? new ConnectException(root.getMessage()) : null);
		}
		return new SandboxException(operation + " failed: " + ex.getClass().getSimpleName());
	}

	private Retry retry(CallKind kind, long expiresAt) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			Duration wait = waitBeforeRetry(failure, kind, signal.totalRetries());
			if (wait == null || System.nanoTime() + wait.toNanos() >= expiresAt) {
				return Mono.error(failure);
			}
			return Mono.delay(wait);
		}));
	}

	private @Nullable Duration waitBeforeRetry(Throwable failure, CallKind kind, long retries) {
		if (retries >= this.policy.maxRetries()) {
			return null;
		}
		if (failure instanceof SandboxRateLimitException rateLimited) {
			Duration retryAfter = rateLimited.getRetryAfter();
			return (retryAfter != null) ? retryAfter : backoff(retries);
		}
		if (isRetryable(failure, kind)) {
			return backoff(retries);
		}
		return null;
	}

	private static boolean isRetryable(Throwable failure, CallKind kind) {
		if (failure instanceof SandboxConnectionException) {
			return kind == CallKind.IDEMPOTENT || failure.getCause() instanceof ConnectException;
		}
		if (failure instanceof SandboxServiceException serviceError) {
			return kind == CallKind.IDEMPOTENT && serviceError.getStatusCode() >= 500;
		}
		return false;
	}

	private Duration backoff(long retries) {
		long first = this.policy.firstBackoff().toMillis();
		long max = this.policy.maxBackoff().toMillis();
		long base = Math.min(max, first << Math.min(retries, 20));
		double spread = base * this.policy.jitter();
		long jittered = base + (long) ThreadLocalRandom.current().nextDouble(-spread, spread + 1);
		return Duration.ofMillis(Math.max(0, Math.min(max, jittered)));
	}

	private static boolean isNetworkFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.io.IOException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String describe(Throwable root) {
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.sandboxes.koyeb.SandboxConnectionException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxRateLimitException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RetryableCalls} and {@link ResponseErrors#parseRetryAfter(String)}.
 */
class RetryableCallsTests {

	private static final Duration DEADLINE = Duration.ofSeconds(3);

	private final RetryableCalls calls = new RetryableCalls(TestExchanges.FAST_RETRIES);

	private final AtomicInteger attempts = new AtomicInteger();

	@Test
	void idempotentCallRetriesServerErrorsUntilItSucceeds() {
		String result = this.calls
			.call("GET /x", CallKind.IDEMPOTENT, DEADLINE, failing(2, () -> serverError(503)))
			.block();
		assertThat(result).isEqualTo("ok");
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void nonIdempotentCallIsNotRepeatedAfterAServerError() {
		assertThatExceptionOfType(SandboxServiceException.class).isThrownBy(() -> this.calls
			.call("POST /x", CallKind.NON_IDEMPOTENT, DEADLINE, failing(1, () -> serverError(503)))
			.block());
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void nonIdempotentCallIsRepeatedWhenTheConnectionWasNeverEstablished() {
		String result = this.calls.call("POST /x", CallKind.NON_IDEMPOTENT, DEADLINE,
				failing(1, () -> new SandboxConnectionException("refused", new ConnectException("refused"))))
			.block();
		assertThat(result).isEqualTo("ok");
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void nonIdempotentCallIsNotRepeatedAfterAConnectionBrokeMidway() {
		assertThatExceptionOfType(SandboxConnectionException.class).isThrownBy(() -> this.calls
			.call("POST /x", CallKind.NON_IDEMPOTENT, DEADLINE,
					failing(1, () -> new SandboxConnectionException("reset", null)))
			.block());
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void rateLimitedCallWaitsForRetryAfterEvenWhenNotIdempotent() {
		long start = System.nanoTime();
		String result = this.calls.call("POST /x", CallKind.NON_IDEMPOTENT, DEADLINE,
				failing(1, () -> new SandboxRateLimitException("slow down", Duration.ofMillis(300))))
			.block();
		assertThat(result).isEqualTo("ok");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void retryAfterBeyondTheDeadlineFailsAtOnceWithTheRateLimit() {
		long start = System.nanoTime();
		assertThatExceptionOfType(SandboxRateLimitException.class)
			.isThrownBy(() -> this.calls
				.call("GET /x", CallKind.IDEMPOTENT, DEADLINE,
						failing(1, () -> new SandboxRateLimitException("slow down", Duration.ofMinutes(1))))
				.block())
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(1)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
	}

	@Test
	void hangingIdempotentAttemptIsAbandonedAndRetriedWithinTheDeadline() {
		String result = this.calls.call("GET /x", CallKind.IDEMPOTENT, Duration.ofMillis(900), () -> {
			return (this.attempts.incrementAndGet() == 1) ? Mono.never() : Mono.just("ok");
		}).block();
		assertThat(result).isEqualTo("ok");
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void hangingNonIdempotentCallEndsWithATimeoutAtItsDeadline() {
		assertThatExceptionOfType(SandboxTimeoutException.class)
			.isThrownBy(() -> this.calls
				.call("POST /run", CallKind.NON_IDEMPOTENT, Duration.ofMillis(200), () -> Mono.<String>never())
				.block())
			.satisfies((ex) -> {
				assertThat(ex.getOperation()).isEqualTo("POST /run");
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(200));
			});
	}

	@Test
	void retriesStopAfterTheConfiguredNumber() {
		assertThatExceptionOfType(SandboxServiceException.class).isThrownBy(() -> this.calls
			.call("GET /x", CallKind.IDEMPOTENT, DEADLINE, failing(100, () -> serverError(502)))
			.block());
		assertThat(this.attempts).hasValue(TestExchanges.FAST_RETRIES.maxRetries() + 1);
	}

	@Test
	void clientErrorsAreNotRetried() {
		assertThatExceptionOfType(SandboxServiceException.class).isThrownBy(() -> this.calls
			.call("GET /x", CallKind.IDEMPOTENT, DEADLINE, failing(1, () -> serverError(400)))
			.block());
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void foreignExceptionsBecomeSandboxExceptions() {
		assertThatExceptionOfType(SandboxException.class)
			.isThrownBy(() -> this.calls
				.call("GET /x", CallKind.NON_IDEMPOTENT, DEADLINE,
						() -> Mono.<String>error(new IllegalStateException("internal detail")))
				.block())
			.withMessage("GET /x failed: IllegalStateException");
	}

	@Test
	void retryAfterIsReadAsSecondsOrHttpDate() {
		assertThat(ResponseErrors.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(ResponseErrors.parseRetryAfter(" 0 ")).isZero();
		String inTenSeconds = ZonedDateTime.now(java.time.ZoneOffset.UTC)
			.plusSeconds(10)
			.format(DateTimeFormatter.RFC_1123_DATE_TIME);
		assertThat(ResponseErrors.parseRetryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8),
				Duration.ofSeconds(10));
		assertThat(ResponseErrors.parseRetryAfter("Thu, 01 Jan 1970 00:00:00 GMT")).isZero();
		assertThat(ResponseErrors.parseRetryAfter("soon")).isNull();
		assertThat(ResponseErrors.parseRetryAfter("-3")).isNull();
		assertThat(ResponseErrors.parseRetryAfter(null)).isNull();
	}

	private Supplier<Mono<String>> failing(int failures, Supplier<SandboxException> failure) {
		return () -> (this.attempts.incrementAndGet() <= failures) ? Mono.error(failure.get()) : Mono.just("ok");
	}

	private static SandboxServiceException serverError(int status) {
		return new SandboxServiceException("failed with HTTP " + status, status, "body");
	}

}

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


package dev.sandboxes.koyeb.sample.web;

import java.util.stream.Collectors;

import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.SandboxDirectoryNotEmptyException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxFileAlreadyExistsException;
import dev.sandboxes.koyeb.SandboxFileException;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxRateLimitException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers every failure with an RFC 9457 problem whose {@code detail} the page shows as it is:
 * the client's messages name the field, the value and what is allowed, and never carry a
 * token or a sandbox secret.
 */
@RestControllerAdvice
class PlaygroundErrors extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(PlaygroundErrors.class);

	@ExceptionHandler(SandboxException.class)
	Mono<ResponseEntity<Object>> handleSandboxException(SandboxException ex, ServerWebExchange exchange) {
		HttpStatus status = statusOf(ex);
		if (status.is5xxServerError()) {
			logger.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex.getMessage());
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.valueOf(ex.getMessage()));
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof InvalidSandboxSpecException invalid) {
			problem.setProperty("field", invalid.getField());
		}
		if (ex instanceof SandboxRateLimitException rateLimit && rateLimit.getRetryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, rateLimit.getRetryAfter().toSeconds())));
		}
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		String detail = ex.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ex.getBody();
		problem.setDetail(detail);
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = ex.getBody();
		problem.setDetail(UnreadableRequests.describe(ex));
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@ExceptionHandler(ContentTooLargeException.class)
	Mono<ResponseEntity<Object>> handleContentTooLarge(ContentTooLargeException ex, ServerWebExchange exchange) {
		ProblemDetail problem = ex.getBody();
		problem.setDetail("The request body is larger than the playground reads whole"
				+ " (spring.codec.max-in-memory-size); upload large files to /files/upload, which streams them");
		return handleExceptionInternal(ex, problem, ex.getHeaders(), ex.getStatusCode(), exchange);
	}

	/**
	 * Answer what nothing else handles with a 500 problem that shows no internals; the log
	 * keeps the details.
	 */
	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
		logger.error("{} {} failed unexpectedly", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The playground failed unexpectedly; its log has the details");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
	}

	/**
	 * Write every problem as {@code application/problem+json}, even for a request that
	 * accepts server-sent events, whose stream never started.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(@Nullable Object body, @Nullable HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (body instanceof ProblemDetail) {
			HttpHeaders problemHeaders = new HttpHeaders();
			if (headers != null) {
				problemHeaders.addAll(headers);
			}
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return super.createResponseEntity(body, problemHeaders, status, exchange);
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	private static HttpStatus statusOf(SandboxException ex) {
		if (ex instanceof InvalidSandboxSpecException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof SandboxNotFoundException || ex instanceof SandboxFileNotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof SandboxFileAlreadyExistsException || ex instanceof SandboxDirectoryNotEmptyException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof SandboxFileException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof SandboxServiceException service && service.getStatusCode() >= 400
				&& service.getStatusCode() < 500) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof SandboxRateLimitException) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		if (ex instanceof SandboxTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		return HttpStatus.BAD_GATEWAY;
	}

}

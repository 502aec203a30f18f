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

import java.time.Duration;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.server.ServerWebInputException;

/**
 * Says what is wrong with a request that could not be read: the field or parameter, the value
 * and what it should have been, in words meant for the person who sent it (never a Java type
 * or a parser's internals).
 */
final class UnreadableRequests {

	private UnreadableRequests() {
	}

	/**
	 * Describe why a request could not be read.
	 * @param ex the failure to read it
	 * @return the description, or {@code null} to keep the framework's own
	 */
	static @Nullable String describe(ServerWebInputException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return describeBody(jackson);
			}
			if (cause instanceof TypeMismatchException mismatch) {
				return describeParameter(ex.getMethodParameter(), mismatch);
			}
		}
		return ex.getReason();
	}

	private static String describeBody(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
		if (ex instanceof MismatchedInputException mismatched) {
			if (field.isEmpty()) {
				return "The request body must be a JSON object";
			}
			if (mismatched instanceof InvalidFormatException invalid) {
				return "Invalid " + field + " '" + invalid.getValue() + "': expected " + expected(invalid.getTargetType());
			}
			if (mismatched.getTargetType() != null) {
				return "Invalid " + field + ": expected " + expected(mismatched.getTargetType());
			}
		}
		return "The request body is not valid JSON: " + ex.getOriginalMessage();
	}

	private static String describeParameter(@Nullable MethodParameter parameter, TypeMismatchException ex) {
		String name = (parameter != null && parameter.getParameterName() != null) ? parameter.getParameterName()
				: String.valueOf(ex.getPropertyName());
		Class<?> type = ex.getRequiredType();
		return "Invalid " + name + " '" + ex.getValue() + "': expected "
				+ ((type != null) ? expected(type) : "another value");
	}

	private static String expected(Class<?> type) {
		if (type == Duration.class) {
			return "an ISO-8601 duration such as PT30M, or a number of seconds";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		return (type == String.class) ? "a string" : "a " + type.getSimpleName();
	}

}

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


package dev.sandboxes.koyeb.emulator.controlplane;

import java.util.List;

/**
 * A request the control plane refuses, answered in Koyeb's {@code Error} shape, or in its
 * {@code ErrorWithFields} shape when fields are named. Codes are the lowercase gRPC codes Koyeb
 * uses. Messages never quote request values that could be secrets.
 */
final class ApiException extends RuntimeException {

	private final int status;

	private final String code;

	private final List<FieldViolation> fields;

	private ApiException(int status, String code, String message, List<FieldViolation> fields) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.fields = List.copyOf(fields);
	}

	static ApiException invalidArgument(String message) {
		return new ApiException(400, "invalid_argument", message, List.of());
	}

	static ApiException invalidFields(List<FieldViolation> fields) {
		return new ApiException(400, "invalid_argument", "Validation error", fields);
	}

	static ApiException unauthenticated(String message) {
		return new ApiException(401, "unauthenticated", message, List.of());
	}

	static ApiException notFound(String message) {
		return new ApiException(404, "not_found", message, List.of());
	}

	static ApiException alreadyExists(String message) {
		return new ApiException(409, "already_exists", message, List.of());
	}

	static ApiException internal() {
		return new ApiException(500, "internal", "Internal error", List.of());
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	List<FieldViolation> fields() {
		return this.fields;
	}

}

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

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of a request so that one error names them all.
 */
final class Violations {

	private final List<FieldViolation> fields = new ArrayList<>();

	void add(String field, String description) {
		this.fields.add(new FieldViolation(field, description));
	}

	/**
	 * Refuse the request if any field is invalid.
	 * @throws ApiException a 400 naming every invalid field
	 */
	void throwIfAny() {
		if (!this.fields.isEmpty()) {
			throw ApiException.invalidFields(this.fields);
		}
	}

}

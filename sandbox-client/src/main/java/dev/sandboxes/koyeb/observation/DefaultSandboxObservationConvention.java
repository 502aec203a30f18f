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

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Default {@link SandboxObservationConvention}: observation
 * {@value #DEFAULT_NAME} with the operation, outcome and error type as low-cardinality
 * keys and the sandbox id as a high-cardinality key.
 *
 * @since 0.1.0
 */
public class DefaultSandboxObservationConvention implements SandboxObservationConvention {

	/**
	 * Name of the observation.
	 */
	public static final String DEFAULT_NAME = "koyeb.sandbox.operation";

	private static final String NONE = "none";

	/**
	 * Create the default convention.
	 */
	public DefaultSandboxObservationConvention() {
	}

	@Override
	public String getName() {
		return DEFAULT_NAME;
	}

	@Override
	public String getContextualName(SandboxObservationContext context) {
		return "sandbox " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SandboxObservationContext context) {
		return KeyValues.of(operation(context), outcome(context), errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SandboxObservationContext context) {
		return KeyValues.of(sandboxId(context));
	}

	/**
	 * Return the operation key value, such as {@code exec} or {@code create}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue operation(SandboxObservationContext context) {
		return SandboxObservationDocumentation.LowCardinalityKeyNames.OPERATION.withValue(context.getOperation());
	}

	/**
	 * Return the outcome key value: {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue outcome(SandboxObservationContext context) {
		String outcome = (context.getError() != null) ? "ERROR" : (context.isCancelled() ? "CANCELLED" : "SUCCESS");
		return SandboxObservationDocumentation.LowCardinalityKeyNames.OUTCOME.withValue(outcome);
	}

	/**
	 * Return the error type key value: the simple name of the error's class, or
	 * {@code none}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue errorType(SandboxObservationContext context) {
		Throwable error = context.getError();
		return SandboxObservationDocumentation.LowCardinalityKeyNames.ERROR_TYPE
			.withValue((error != null) ? error.getClass().getSimpleName() : NONE);
	}

	/**
	 * Return the sandbox id key value, or {@code none} before the sandbox has an id.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue sandboxId(SandboxObservationContext context) {
		String id = context.getSandboxId();
		return SandboxObservationDocumentation.HighCardinalityKeyNames.SANDBOX_ID.withValue((id != null) ? id : NONE);
	}

}

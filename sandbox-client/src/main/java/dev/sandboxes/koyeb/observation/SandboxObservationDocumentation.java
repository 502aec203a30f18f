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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documented observation of sandbox operations.
 *
 * @since 0.1.0
 */
public enum SandboxObservationDocumentation implements ObservationDocumentation {

	/**
	 * One sandbox operation (create, exec, a file read, ...), from call to completion.
	 */
	SANDBOX_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSandboxObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys of {@link #SANDBOX_OPERATION}.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Name of the operation, for example {@code create}, {@code exec} or
		 * {@code files.read}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * Simple class name of the exception that ended the operation, {@code none} when it
		 * succeeded.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/**
	 * High-cardinality keys of {@link #SANDBOX_OPERATION}.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Id of the sandbox the operation was about, {@code none} before one exists.
		 */
		SANDBOX_ID {
			@Override
			public String asString() {
				return "koyeb.sandbox.id";
			}
		}

	}

}

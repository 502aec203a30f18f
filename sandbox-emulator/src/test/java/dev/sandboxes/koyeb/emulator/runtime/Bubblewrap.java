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

package dev.sandboxes.koyeb.emulator.runtime;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need bubblewrap: skipped where it does not work, unless the build requires it
 * ({@value #REQUIRED_PROPERTY}{@code =true}, as CI sets), in which case they fail.
 */
public final class Bubblewrap {

	/** The system property that turns a missing bubblewrap into a test failure. */
	public static final String REQUIRED_PROPERTY = "koyeb.emulator.require-bubblewrap";

	private Bubblewrap() {
	}

	/**
	 * Skip the calling test (or fail it, where bubblewrap is required) unless bubblewrap works on
	 * this machine.
	 */
	public static void assumeAvailable() {
		if (SandboxRuntimes.bubblewrapAvailable()) {
			return;
		}
		if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
			Assertions.fail("Bubblewrap does not work on this machine, but " + REQUIRED_PROPERTY
					+ "=true requires it: install bubblewrap (bwrap) and allow it to create namespaces, "
					+ "or run without -D" + REQUIRED_PROPERTY + "=true to skip these tests");
		}
		Assumptions.abort("Bubblewrap does not work on this machine");
	}

}

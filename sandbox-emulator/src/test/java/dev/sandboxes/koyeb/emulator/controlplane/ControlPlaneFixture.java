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

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A control plane per test, on a clock the test moves and a runtime that records what it is
 * asked, with a client for its routes; closed after the test.
 */
final class ControlPlaneFixture implements AfterEachCallback {

	private final MutableClock clock = new MutableClock();

	private final RecordingRuntime runtime = new RecordingRuntime();

	private final ControlPlane controlPlane = new ControlPlane(TestApi.settings(this.clock), this.runtime);

	private final TestApi api = new TestApi(this.controlPlane);

	MutableClock clock() {
		return this.clock;
	}

	RecordingRuntime runtime() {
		return this.runtime;
	}

	ControlPlane controlPlane() {
		return this.controlPlane;
	}

	TestApi api() {
		return this.api;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.controlPlane.close();
	}

}

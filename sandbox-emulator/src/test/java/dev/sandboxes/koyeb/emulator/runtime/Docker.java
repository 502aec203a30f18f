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

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need Docker and the test images ({@value #BUSYBOX} and {@value #PYTHON}, built
 * without a registry by {@code src/test/docker/build-test-images.sh}): skipped where they are
 * missing, unless the build requires them ({@value #REQUIRED_PROPERTY}{@code =true}), in which
 * case they fail. Tests share one connection to the engine, and never pull.
 */
public final class Docker {

	/** The system property that turns a missing engine or image into a test failure. */
	public static final String REQUIRED_PROPERTY = "koyeb.emulator.require-docker";

	/** A static busybox: {@code sh} and the usual tools, about 2 MB. */
	public static final String BUSYBOX = "koyeb-emulator-test/busybox";

	/** A minimal Debian with {@code python3} and {@code procps}. */
	public static final String PYTHON = "koyeb-emulator-test/python";

	private static final Object LOCK = new Object();

	private static Optional<DockerEngine> engine;

	private Docker() {
	}

	/**
	 * Skip the calling test (or fail it, where Docker is required) unless an engine answers and
	 * has both test images.
	 */
	public static void assumeAvailable() {
		Optional<DockerEngine> connected = connect();
		String problem = null;
		if (connected.isEmpty()) {
			problem = "No Docker engine answers on this machine";
		}
		else {
			List<String> missing = List.of(BUSYBOX, PYTHON)
				.stream()
				.filter((image) -> !connected.get().imagePresent(image))
				.toList();
			if (!missing.isEmpty()) {
				problem = "The Docker test images " + missing + " are missing";
			}
		}
		if (problem == null) {
			return;
		}
		if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
			Assertions.fail(problem + ", but " + REQUIRED_PROPERTY + "=true requires them: start Docker and run "
					+ "sandbox-emulator/src/test/docker/build-test-images.sh, or run without -D" + REQUIRED_PROPERTY
					+ "=true to skip these tests");
		}
		Assumptions.abort(problem);
	}

	/**
	 * The engine the tests share, once {@link #assumeAvailable()} has passed.
	 * @return the engine
	 */
	static DockerEngine engine() {
		return connect().orElseThrow(() -> new IllegalStateException("No Docker engine"));
	}

	private static Optional<DockerEngine> connect() {
		synchronized (LOCK) {
			if (engine == null) {
				engine = DockerEngine.connect();
			}
			return engine;
		}
	}

}

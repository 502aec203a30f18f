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


package dev.sandboxes.koyeb.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * The host's {@code python3}, which runs the playground's Python code when the emulator runs
 * sandboxes as host processes (bubblewrap or plain). Where it is missing, a test needing it is
 * skipped, unless {@code -Dkoyeb.sample.require-python=true} (set by CI) makes it fail.
 */
final class HostPython {

	private static final String REQUIRE_PROPERTY = "koyeb.sample.require-python";

	private HostPython() {
	}

	static void assumeAvailable() {
		if (runs()) {
			return;
		}
		String missing = "python3 is needed on this machine (Debian: apt-get install python3)";
		if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
			throw new AssertionError(missing + ", and " + REQUIRE_PROPERTY + " is set");
		}
		throw new TestAbortedException(missing);
	}

	private static boolean runs() {
		try {
			Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
			process.getInputStream().transferTo(OutputStream.nullOutputStream());
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

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

package dev.sandboxes.koyeb.emulator;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar sandbox-emulator-<version>-standalone.jar
 * --port 8090}. Stops on SIGINT or SIGTERM, destroying every sandbox.
 *
 * @since 0.1.0
 */
public final class KoyebEmulatorMain {

	private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

	private KoyebEmulatorMain() {
	}

	/**
	 * Start the emulator and wait until the process is asked to stop.
	 * @param args the command line; {@code --help} describes it
	 */
	public static void main(String[] args) {
		if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
			System.setProperty(LOGBACK_CONFIGURATION, "koyeb-emulator-logback.xml");
		}
		int status = run(List.of(args), System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		EmulatorOptions options;
		try {
			options = EmulatorOptions.parse(args,
					Objects.requireNonNullElse(System.getenv("KOYEB_EMULATOR_API_TOKEN"), ""));
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		if (options.help()) {
			out.print(EmulatorOptions.USAGE);
			return 0;
		}
		KoyebEmulator emulator;
		try {
			emulator = options.builder().start();
		}
		catch (RuntimeException ex) {
			err.println("Could not start the emulator: " + ex.getMessage());
			return 1;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "koyeb-emulator-shutdown"));
		out.println("Koyeb emulator listening on " + emulator.baseUrl() + " (runtime: " + emulator.runtimeName()
				+ "). Stop with Ctrl+C.");
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

}

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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

/**
 * The standalone emulator's command line, read into a {@link KoyebEmulator.Builder}.
 */
final class EmulatorOptions {

	static final String USAGE = """
			Usage: java -jar sandbox-emulator-standalone.jar [options]

			Runs a Koyeb-compatible server for sandboxes on this machine: the part of Koyeb's
			REST API that sandboxes use, the executor API inside every sandbox, exposed ports
			and server-side lifecycle. Point a Koyeb SDK at it (for example KOYEB_API_HOST, or
			baseUrl in SandboxTemplate.builder()) with any API token.

			Options:
			  --host <address>          address to listen on (default 127.0.0.1)
			  --port <port>             port to listen on, 0 for any free one (default 8090)
			  --api-token <token>       accept only this API token (default: any token;
			                            set one when sandboxes have network access, or
			                            their code can use this API too);
			                            also read from KOYEB_EMULATOR_API_TOKEN
			  --runtime <mode>          auto, bubblewrap, docker or plain (default auto:
			                            a container of the sandbox's image where Docker
			                            runs and has or can pull it, else bubblewrap when
			                            it works here, else plain host processes that are
			                            NOT isolated)
			  --no-network              cut sandboxes off the network (bubblewrap, docker)
			  --data-dir <directory>    where sandboxes' files live (default: a temporary
			                            directory removed on exit)
			  --time-scale <factor>     run lifecycle time this many times faster, a whole
			                            number of at least 1
			                            (default 1; 60 turns an hour into a minute)
			  --deployment-delay <ms>   milliseconds of lifecycle time a new deployment
			                            spends in each status before HEALTHY (default 0)
			  --help                    print this help and exit
			""";

	private final KoyebEmulator.Builder builder;

	private boolean help;

	private EmulatorOptions(KoyebEmulator.Builder builder) {
		this.builder = builder;
	}

	/**
	 * Read the command line.
	 * @param arguments the arguments
	 * @param environmentToken the value of {@code KOYEB_EMULATOR_API_TOKEN}, if set
	 * @return the options
	 * @throws IllegalArgumentException naming the option and the value when one is invalid
	 */
	static EmulatorOptions parse(List<String> arguments, String environmentToken) {
		EmulatorOptions options = new EmulatorOptions(KoyebEmulator.builder().port(8090));
		if (!environmentToken.isEmpty()) {
			options.builder.apiToken(environmentToken);
		}
		Deque<String> remaining = new ArrayDeque<>(arguments);
		while (!remaining.isEmpty()) {
			options.read(remaining.removeFirst(), remaining);
		}
		return options;
	}

	private void read(String option, Deque<String> remaining) {
		switch (option) {
			case "--help", "-h" -> this.help = true;
			case "--host" -> this.builder.host(value(option, remaining));
			case "--port" -> this.builder.port(integer(option, value(option, remaining)));
			case "--api-token" -> this.builder.apiToken(value(option, remaining));
			case "--runtime" -> this.builder.runtime(runtime(value(option, remaining)));
			case "--no-network" -> this.builder.network(false);
			case "--data-dir" -> this.builder.dataDirectory(Path.of(value(option, remaining)));
			case "--time-scale" -> this.builder.timeScale(integer(option, value(option, remaining)));
			case "--deployment-delay" ->
				this.builder.deploymentStepDelay(Duration.ofMillis(integer(option, value(option, remaining))));
			default -> throw new IllegalArgumentException("Unknown option '" + option + "'; see --help");
		}
	}

	private static String value(String option, Deque<String> remaining) {
		if (remaining.isEmpty()) {
			throw new IllegalArgumentException("Option " + option + " needs a value; see --help");
		}
		return remaining.removeFirst();
	}

	private static int integer(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + option + " must be a whole number, was '" + value + "'");
		}
	}

	private static RuntimeMode runtime(String value) {
		try {
			return RuntimeMode.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Option --runtime must be auto, bubblewrap, docker or plain, was '" + value + "'");
		}
	}

	boolean help() {
		return this.help;
	}

	KoyebEmulator.Builder builder() {
		return this.builder;
	}

}

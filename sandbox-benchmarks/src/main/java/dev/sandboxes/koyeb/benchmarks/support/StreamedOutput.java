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


package dev.sandboxes.koyeb.benchmarks.support;

import java.time.Duration;

import dev.sandboxes.koyeb.ExecEvent;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;
import reactor.core.publisher.Flux;

/**
 * A sandbox of an embedded emulator (plain runtime) whose command prints a given number of
 * bytes in lines of {@value #LINE_LENGTH} characters ({@code yes} piped into
 * {@code head -c}), to stream through the client or raw.
 *
 * @since 0.1.0
 */
public final class StreamedOutput implements AutoCloseable {

	/** Characters of each line, without its line break. */
	public static final int LINE_LENGTH = 100;

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

	private final EmulatorFixture fixture;

	private final Sandbox sandbox;

	private StreamedOutput(EmulatorFixture fixture) {
		this.fixture = fixture;
		this.sandbox = fixture.createSandbox();
	}

	/**
	 * Start an emulator with one sandbox.
	 * @return the sandbox's output
	 */
	public static StreamedOutput start() {
		return new StreamedOutput(EmulatorFixture.start(RuntimeMode.PLAIN));
	}

	/**
	 * The command that prints a number of bytes.
	 * @param bytes how many
	 * @return the command
	 */
	public static String command(long bytes) {
		return "yes " + "a".repeat(LINE_LENGTH) + " | head -c " + bytes;
	}

	/**
	 * Stream the output of the command through the reactive streamed exec.
	 * @param bytes how many bytes the command prints
	 * @return its events
	 */
	public Flux<ExecEvent> stream(long bytes) {
		return this.sandbox.reactive().execStream(ExecSpec.of(command(bytes)).timeout(STREAM_TIMEOUT));
	}

	/**
	 * A bare WebClient that runs the command.
	 * @param bytes how many bytes the command prints
	 * @return the client
	 */
	public WebClientExecutor rawExecutor(long bytes) {
		return new WebClientExecutor(this.fixture.rawAddress(this.sandbox.id()), command(bytes));
	}

	/**
	 * Check the size of the output the client received: the lines' characters, with one
	 * line break after every line, the last one included.
	 * @param printed the bytes printed
	 * @param received the characters received, one per line break included
	 * @return the characters received
	 */
	public static long checkReceived(long printed, long received) {
		long expected = printed + ((printed % (LINE_LENGTH + 1) == 0) ? 0 : 1);
		if (received != expected) {
			throw new IllegalStateException("Received " + received + " characters of output, expected " + expected);
		}
		return received;
	}

	@Override
	public void close() {
		this.fixture.close();
	}

}

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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged playground started in a JVM of its own with {@code -Dspring.aot.enabled=true},
 * so that it runs the application context prepared at build time by {@code process-aot}. It
 * listens on a free port of the loopback address; {@link #close()} stops it with its child
 * processes, forcibly if a graceful stop takes too long.
 */
final class AotProcessedPlayground implements AutoCloseable {

	private static final Pattern READY = Pattern
		.compile("Sandbox Playground is ready: open http://localhost:(\\d+)/ \\(sandboxes run on (.+)\\)");

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final List<String> output = Collections.synchronizedList(new ArrayList<>());

	private final CompletableFuture<Matcher> ready = new CompletableFuture<>();

	private AotProcessedPlayground(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "aot-playground-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start the executable jar with AOT enabled and no Koyeb settings in its environment.
	 * @param executableJar the jar built by the repackage goal
	 * @return the started application, not yet ready
	 * @throws IOException if the JVM cannot be started
	 */
	static AotProcessedPlayground start(Path executableJar) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Dspring.aot.enabled=true", "-jar",
				executableJar.toString(), "--server.port=0")
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("KOYEB_"));
		return new AotProcessedPlayground(builder.start());
	}

	/**
	 * Wait until the application announces that it is ready.
	 * @param timeout how long to wait
	 * @return the base URL of the application
	 * @throws IllegalStateException if it exits or is not ready in time, with its output
	 */
	String awaitReady(Duration timeout) {
		return "http://localhost:" + readyLine(timeout).group(1);
	}

	/**
	 * Return where the application said its sandboxes run, once ready.
	 * @return the text of its ready line, such as {@code the embedded emulator}
	 */
	String sandboxesRunOn() {
		return readyLine(Duration.ZERO).group(2);
	}

	/**
	 * Return what the application has printed so far.
	 * @return its standard output and error
	 */
	String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	/**
	 * Return whether the application or any process it started still runs.
	 * @return whether a process is left
	 */
	boolean anyProcessAlive() {
		return this.process.isAlive() || this.process.descendants().anyMatch(ProcessHandle::isAlive);
	}

	@Override
	public void close() {
		List<ProcessHandle> descendants = new ArrayList<>(this.process.descendants().toList());
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		finally {
			descendants.addAll(this.process.descendants().toList());
			descendants.forEach(ProcessHandle::destroyForcibly);
		}
	}

	private Matcher readyLine(Duration timeout) {
		try {
			return this.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The playground was not ready within " + timeout + ":\n" + output(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage() + ":\n" + output(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the playground", ex);
		}
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.add(line);
				Matcher matcher = READY.matcher(line);
				if (matcher.find()) {
					this.ready.complete(matcher);
				}
			}
			this.ready.completeExceptionally(new IllegalStateException("The playground exited with status "
					+ this.process.waitFor() + " before it was ready"));
		}
		catch (IOException ex) {
			this.ready.completeExceptionally(new UncheckedIOException(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.ready.completeExceptionally(ex);
		}
	}

}

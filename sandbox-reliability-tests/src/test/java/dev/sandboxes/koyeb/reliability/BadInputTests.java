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


package dev.sandboxes.koyeb.reliability;

import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxAuthenticationException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxFileException;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxServiceException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input through the whole stack, client to emulator and back, one row each with the
 * exception type and the exact message the caller gets: paths, ports, environment, names,
 * commands, sizes, unknown ids and credentials. No message quotes a credential, and the sandbox
 * serves on after each. Output that is not text is decoded, never a failure. Sandboxes run as
 * plain processes here, where commands see the host's absolute paths: commands use relative ones. The spec-level and property-level tables live with their
 * modules ({@code SandboxSpecTests}, {@code SpecValidationTests},
 * {@code SandboxPropertiesValidationTests}).
 */
@Timeout(120)
class BadInputTests {

	private static final String WRONG_TOKEN = "wrong-token-4f2a9c1e7b";

	private static final String BASE_URL = "{baseUrl}";

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	private static SandboxTemplate template;

	private static Sandbox sandbox;

	@BeforeAll
	static void createSandbox() {
		template = emulator.templateBuilder().requestTimeout(Duration.ofSeconds(20)).build();
		sandbox = template.create(SandboxSpec.builder().name("bad-input").build());
	}

	@AfterEach
	void clearFaults() {
		emulator.get().faults().clear();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void badInputFailsWithATypedExceptionAndAClearMessage(String description, BadCall call,
			Class<? extends SandboxException> type, String message) {
		assertThatExceptionOfType(type).isThrownBy(() -> call.call(sandbox))
			.withMessage(message.replace(BASE_URL, emulator.baseUrl()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(RunningEmulator.API_TOKEN, WRONG_TOKEN));
		assertThat(sandbox.exec("echo still serving").stdout()).isEqualTo("still serving\n");
	}

	static Stream<Arguments> badInput() {
		String longName = "a".repeat(300);
		String slug = "must be 2 to 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit";
		String envKey = "must start with a letter or '_' and contain only letters, digits and '_'";
		return Stream.of(
				// Paths
				row("empty path", (box) -> box.files().readString(""), InvalidSandboxSpecException.class,
						"Invalid path '': must not be empty"),
				row("path with NUL", (box) -> box.files().write("/tmp/a\0b", "x"), InvalidSandboxSpecException.class,
						"Invalid path '/tmp/a\\0b': must not contain NUL characters"),
				row("path beyond 4096 characters", (box) -> box.files().readString("/tmp/" + "a".repeat(5000)),
						InvalidSandboxSpecException.class,
						"Invalid path '/tmp/" + "a".repeat(59) + "...': must be at most 4096 characters, was 5005"),
				row("path that is not valid Unicode", (box) -> box.files().write("/tmp/bad\uD800name", "x"),
						InvalidSandboxSpecException.class,
						"Invalid path '/tmp/bad\\uD800name': must be valid Unicode: a surrogate character misses its pair"),
				row("file name beyond 255 bytes", (box) -> box.files().write("/tmp/" + longName, "x"),
						SandboxFileException.class, "POST /write_file failed for /tmp/" + longName + ": open /tmp/"
								+ longName + ": file name too long"),
				row("'..' out of the sandbox, read", (box) -> box.files().readString("/tmp/../../etc/passwd"),
						SandboxFileException.class,
						"POST /read_file failed for /tmp/../../etc/passwd: open /tmp/../../etc/passwd: permission denied"),
				row("'..' out of the sandbox, write", (box) -> box.files().write("/root/../../etc/passwd", "x"),
						SandboxFileException.class, "POST /write_file failed for /root/../../etc/passwd: "
								+ "open /root/../../etc/passwd: read-only file system"),
				row("directory read as a file", (box) -> box.files().readString("/tmp"), SandboxFileException.class,
						"POST /read_file failed for /tmp: read /tmp: is a directory"),
				row("missing file", (box) -> box.files().readString("/tmp/missing"),
						SandboxFileNotFoundException.class,
						"POST /read_file failed for /tmp/missing: open /tmp/missing: no such file or directory"),
				// Ports
				row("port 0", (box) -> box.ports().expose(0), InvalidSandboxSpecException.class,
						"Invalid port '0': must be between 1 and 65535"),
				row("port 65536", (box) -> box.ports().expose(65536), InvalidSandboxSpecException.class,
						"Invalid port '65536': must be between 1 and 65535"),
				// Environment and names
				row("env key with '='", (box) -> box.exec(ExecSpec.of("true").env("A=B", "x")),
						InvalidSandboxSpecException.class, "Invalid env key 'A=B': " + envKey),
				row("env value with NUL", (box) -> box.exec(ExecSpec.of("true").env("TOKEN", "s3\0cret")),
						InvalidSandboxSpecException.class,
						"Invalid env value for key 'TOKEN': must not contain NUL characters"),
				row("sandbox env key with '-'", (box) -> SandboxSpec.builder().env("MY-VAR", "x"),
						InvalidSandboxSpecException.class, "Invalid env key 'MY-VAR': " + envKey),
				row("sandbox name with '_'", (box) -> SandboxSpec.builder().name("my_box").build(),
						InvalidSandboxSpecException.class, "Invalid name 'my_box': " + slug),
				// Commands
				row("empty command", (box) -> box.exec(""), InvalidSandboxSpecException.class,
						"Invalid command '': must not be empty"),
				row("command beyond Linux's limit of one argument", (box) -> box.exec("echo " + "x".repeat(200_000)),
						InvalidSandboxSpecException.class,
						"Invalid command 'echo " + "x".repeat(59) + "...': must be at most 131071 bytes of UTF-8, "
								+ "Linux's limit for one argument (write a longer script to a file and run it), was 200005"),
				row("missing working directory", (box) -> box.exec(ExecSpec.of("true").cwd("/nope")),
						InvalidSandboxSpecException.class,
						"Invalid cwd '/nope': must be an existing directory in the sandbox"),
				// Sizes
				row("text file beyond the executor's 64 MiB body", (box) -> box.files().write("/tmp/huge.txt",
						"y".repeat(65 * 1024 * 1024)), SandboxServiceException.class,
						"POST /write_file failed with HTTP 413: Request body too large (at most 67108864 bytes)"),
				row("whole body beyond the client's limit", BadInputTests::readTwoMebibytesWithAOneMebibyteLimit,
						SandboxServiceException.class, "POST /read_file returned a body larger than 1048576 bytes"),
				// Unknown ids
				row("unknown sandbox id", (box) -> template.get("no-such-sandbox"), SandboxNotFoundException.class,
						"Sandbox no-such-sandbox not found (GET /v1/services/{id} found nothing (HTTP 404): "
								+ "{\"status\":404,\"code\":\"not_found\",\"message\":\"Service not found: no-such-sandbox\"})"),
				row("sandbox id with a path", (box) -> template.get("../apps"), SandboxNotFoundException.class,
						"Sandbox ../apps not found (GET /v1/services/{id} found nothing (HTTP 404): "
								+ "{\"status\":404,\"code\":\"not_found\",\"message\":\"Service not found: ../apps\"})"),
				row("unknown process id", (box) -> box.processes().kill("no-such-process"),
						SandboxNotFoundException.class, "POST /kill_process failed: process not found: no-such-process"),
				row("logs of an unknown process",
						(box) -> box.processes().logs("no-such-process", Duration.ofSeconds(5), (line) -> {
						}), SandboxNotFoundException.class,
						"GET /process_logs_streaming failed: process not found: no-such-process"),
				// Credentials
				row("wrong API token", (box) -> emulator.templateBuilder().apiToken(WRONG_TOKEN).build().list(),
						SandboxAuthenticationException.class,
						"GET /v1/services was rejected by " + BASE_URL + " with HTTP 401: the credentials are missing or wrong"),
				row("API token refused with 403", (box) -> {
					emulator.get().faults().inject(Fault.on("POST", "/v1/apps").respond(403));
					template.create(SandboxSpec.builder().build());
				}, SandboxAuthenticationException.class,
						"POST /v1/apps was rejected by " + BASE_URL + " with HTTP 403: access denied"),
				row("sandbox secret refused", (box) -> {
					emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run").respond(401));
					box.exec("true");
				}, SandboxAuthenticationException.class, "POST /run was rejected by " + BASE_URL
						+ "/koyeb-sandbox with HTTP 401: the credentials are missing or wrong"),
				row("missing API token", (box) -> emulator.templateBuilder().apiToken("").build(),
						InvalidSandboxSpecException.class,
						"Invalid apiToken '': must be set to a Koyeb API token (or to any value for an emulator)"));
	}

	private static void readTwoMebibytesWithAOneMebibyteLimit(Sandbox box) {
		box.files().write("/tmp/two.txt", "z".repeat(2 * 1024 * 1024));
		emulator.templateBuilder().maxResponseSize(1024 * 1024).build().get(box.id()).files().readString("/tmp/two.txt");
	}

	@Test
	void outputThatIsNotTextIsDecodedAndBinaryFilesKeepEveryByte() {
		assertThat(sandbox.exec("printf 'a\\377b\\n'").stdout()).isEqualTo("a\uFFFDb\n");
		assertThat(sandbox.exec("printf 'a\\000b'").stdout()).isEqualTo("a\0b");
		byte[] everyByte = new byte[256];
		IntStream.range(0, 256).forEach((value) -> everyByte[value] = (byte) value);
		sandbox.files().write("every-byte.bin", everyByte);
		assertThat(sandbox.files().readBytes("every-byte.bin")).isEqualTo(everyByte);
	}

	@Test
	void fileNamesThatAreNotUtf8AreListedWithReplacementCharacters() {
		sandbox.files().mkdir("/root/names");
		assertThat(sandbox.exec(ExecSpec.of("touch \"$(printf 'bad\\377name')\" café").cwd("/root/names")).exitCode())
			.isZero();
		assertThat(sandbox.files().list("/root/names")).containsExactlyInAnyOrder("bad\uFFFDname", "café");
	}

	@Test
	void largestInputsWithinTheLimitsGoThrough() {
		String command = "echo " + "x".repeat(131_000) + " | wc -c";
		assertThat(sandbox.exec(command).stdout()).isEqualTo("131001\n");
		String text = "t".repeat(20 * 1024 * 1024);
		sandbox.files().write("/tmp/twenty.txt", text);
		assertThat(sandbox.files().readString("/tmp/twenty.txt")).isEqualTo(text);
	}

	@Test
	void deletingAnUnknownSandboxIsNotAnError() {
		assertThatNoException().isThrownBy(() -> template.delete("no-such-sandbox"));
	}

	private static Arguments row(String description, BadCall call, Class<? extends SandboxException> type,
			String message) {
		return arguments(description, call, type, message);
	}

	/**
	 * A call with bad input on the test's sandbox.
	 */
	@FunctionalInterface
	interface BadCall {

		void call(Sandbox sandbox) throws Exception;

	}

}

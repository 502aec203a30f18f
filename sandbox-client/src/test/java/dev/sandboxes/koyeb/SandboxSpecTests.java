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

package dev.sandboxes.koyeb;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link SandboxSpec} and its validation.
 */
class SandboxSpecTests {

	@Test
	void defaultsAreTheSdkDefaults() {
		SandboxSpec spec = SandboxSpec.builder().build();
		assertThat(spec.image()).isNull();
		assertThat(spec.name()).isNull();
		assertThat(spec.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(spec.portProtocol()).isEqualTo(PortProtocol.HTTP);
		assertThat(spec.waitReady()).isTrue();
		assertThat(spec.keepOnReadyFailure()).isFalse();
		assertThat(spec.deleteAfter()).isNull();
		assertThat(spec.deleteAfterInactivity()).isNull();
	}

	@Test
	void acceptsTheBoundariesOfEveryRange() {
		SandboxSpec spec = SandboxSpec.builder()
			.name("ab")
			.deleteAfter(Duration.ofSeconds(60))
			.deleteAfterInactivity(Duration.ofHours(12))
			.idleTimeout(Duration.ofHours(2))
			.build();
		assertThat(spec.deleteAfter()).hasSeconds(60);
		assertThat(SandboxSpec.builder().name("a".repeat(63)).deleteAfter(Duration.ofHours(24)).build().name())
			.hasSize(63);
		assertThat(SandboxSpec.builder().deleteAfter(Duration.ZERO).idleTimeout(Duration.ZERO).build().idleTimeout())
			.isZero();
	}

	@Test
	void toBuilderCopiesEveryValue() {
		SandboxSpec spec = SandboxSpec.builder()
			.image("python:3.12-slim")
			.name("copy-me")
			.region("fra")
			.instanceType("small")
			.env("A", "1")
			.envFromSecret("TOKEN", "my-secret")
			.configFile("/etc/app.conf", "x=1")
			.deleteAfter(Duration.ofMinutes(10))
			.deleteAfterInactivity(Duration.ofMinutes(2))
			.command("sleep")
			.args(List.of("infinity"))
			.entrypoint(List.of("/bin/sh", "-c"))
			.privileged(true)
			.registrySecret("registry")
			.tcpProxy(true)
			.portProtocol(PortProtocol.HTTP2)
			.appId("app-1")
			.waitReady(false)
			.readyTimeout(Duration.ofSeconds(5))
			.keepOnReadyFailure(true)
			.build();
		SandboxSpec copy = spec.toBuilder().build();
		assertThat(copy).usingRecursiveComparison().isEqualTo(spec);
	}

	@Test
	void toStringShowsEnvironmentKeysButNotValues() {
		SandboxSpec spec = SandboxSpec.builder().env("PASSWORD", "hunter2").build();
		assertThat(spec.toString()).contains("PASSWORD").doesNotContain("hunter2");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSpecs")
	void rejectsInvalidValuesWithAMessageNamingFieldValueAndRange(String description, Supplier<Object> build,
			String field, String message) {
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(build::get)
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field))
			.withMessage(message);
	}

	static Stream<Arguments> invalidSpecs() {
		String lifecycleRange = "must be 0 (off) or whole seconds from 60 s to 86400 s";
		String sleepRange = "must be 0 (off) or whole seconds from 60 s to 43200 s";
		String idleRange = "must be 0 (off) or whole seconds from 300 s to 7200 s";
		String nameRule = "must be 2 to 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit";
		return Stream.of(
				arguments("blank image", spec(() -> SandboxSpec.builder().image(" ").build()), "image",
						"Invalid image ' ': must not be empty"),
				arguments("name with uppercase", spec(() -> SandboxSpec.builder().name("MyBox").build()), "name",
						"Invalid name 'MyBox': " + nameRule),
				arguments("name too short", spec(() -> SandboxSpec.builder().name("a").build()), "name",
						"Invalid name 'a': " + nameRule),
				arguments("name too long", spec(() -> SandboxSpec.builder().name("a".repeat(64)).build()), "name",
						"Invalid name '" + "a".repeat(64) + "': " + nameRule),
				arguments("name ending with dash", spec(() -> SandboxSpec.builder().name("box-").build()), "name",
						"Invalid name 'box-': " + nameRule),
				arguments("name with underscore", spec(() -> SandboxSpec.builder().name("my_box").build()), "name",
						"Invalid name 'my_box': " + nameRule),
				arguments("region with space", spec(() -> SandboxSpec.builder().region("eu west").build()), "region",
						"Invalid region 'eu west': must be 2 to 32 characters of lowercase letters, digits and '-', starting and ending with a letter or digit"),
				arguments("deleteAfter below 60 s",
						spec(() -> SandboxSpec.builder().deleteAfter(Duration.ofSeconds(59)).build()), "deleteAfter",
						"Invalid deleteAfter 'PT59S': " + lifecycleRange),
				arguments("deleteAfter above 24 h",
						spec(() -> SandboxSpec.builder().deleteAfter(Duration.ofHours(24).plusSeconds(1)).build()),
						"deleteAfter", "Invalid deleteAfter 'PT24H1S': " + lifecycleRange),
				arguments("deleteAfter negative",
						spec(() -> SandboxSpec.builder().deleteAfter(Duration.ofMinutes(-5)).build()), "deleteAfter",
						"Invalid deleteAfter 'PT-5M': " + lifecycleRange),
				arguments("deleteAfter with milliseconds",
						spec(() -> SandboxSpec.builder().deleteAfter(Duration.ofMillis(90_500)).build()),
						"deleteAfter", "Invalid deleteAfter 'PT1M30.5S': " + lifecycleRange),
				arguments("deleteAfterInactivity above 12 h",
						spec(() -> SandboxSpec.builder().deleteAfterInactivity(Duration.ofHours(13)).build()),
						"deleteAfterInactivity", "Invalid deleteAfterInactivity 'PT13H': " + sleepRange),
				arguments("deleteAfterInactivity below 60 s",
						spec(() -> SandboxSpec.builder().deleteAfterInactivity(Duration.ofSeconds(1)).build()),
						"deleteAfterInactivity", "Invalid deleteAfterInactivity 'PT1S': " + sleepRange),
				arguments("idleTimeout below 5 min",
						spec(() -> SandboxSpec.builder().idleTimeout(Duration.ofSeconds(30)).build()), "idleTimeout",
						"Invalid idleTimeout 'PT30S': " + idleRange),
				arguments("idleTimeout above 2 h",
						spec(() -> SandboxSpec.builder().idleTimeout(Duration.ofHours(3)).build()), "idleTimeout",
						"Invalid idleTimeout 'PT3H': " + idleRange),
				arguments("deleteAfterInactivity without sleep",
						spec(() -> SandboxSpec.builder()
							.idleTimeout(Duration.ZERO)
							.deleteAfterInactivity(Duration.ofMinutes(5))
							.build()),
						"deleteAfterInactivity",
						"Invalid deleteAfterInactivity 'PT5M': needs a non-zero idleTimeout: a sandbox that never sleeps is never inactive"),
				arguments("env key with dash", spec(() -> SandboxSpec.builder().env("MY-VAR", "x")), "env key",
						"Invalid env key 'MY-VAR': must start with a letter or '_' and contain only letters, digits and '_'"),
				arguments("env key starting with digit", spec(() -> SandboxSpec.builder().env("1VAR", "x")),
						"env key",
						"Invalid env key '1VAR': must start with a letter or '_' and contain only letters, digits and '_'"),
				arguments("reserved env key", spec(() -> SandboxSpec.builder().env("SANDBOX_SECRET", "x")), "env key",
						"Invalid env key 'SANDBOX_SECRET': is reserved for the executor's secret"),
				arguments("env value with NUL", spec(() -> SandboxSpec.builder().env("TOKEN", "s3cr\0t")),
						"env value for key", "Invalid env value for key 'TOKEN': must not contain NUL characters"),
				arguments("env value beyond Linux's limit",
						spec(() -> SandboxSpec.builder().env("BIG", "x".repeat(128 * 1024))), "env value for key",
						"Invalid env value for key 'BIG': must be at most 131071 bytes of UTF-8 with 'KEY=', "
								+ "Linux's limit for one environment entry, was 131076"),
				arguments("image with unpaired surrogate", spec(() -> SandboxSpec.builder().image("img\uD800").build()),
						"image", "Invalid image 'img\\uD800': must be valid Unicode: a surrogate character misses its pair"),
				arguments("relative config file", spec(() -> SandboxSpec.builder().configFile("etc/app.conf", "x")),
						"configFile path", "Invalid configFile path 'etc/app.conf': must be an absolute path"),
				arguments("blank registry secret", spec(() -> SandboxSpec.builder().registrySecret("").build()),
						"registrySecret", "Invalid registrySecret '': must not be empty"),
				arguments("zero ready timeout", spec(() -> SandboxSpec.builder().readyTimeout(Duration.ZERO).build()),
						"readyTimeout", "Invalid readyTimeout 'PT0S': must be a positive duration"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExecSpecs")
	void rejectsInvalidCommands(String description, Supplier<Object> build, String field, String message) {
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(build::get)
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field))
			.withMessage(message);
	}

	static Stream<Arguments> invalidExecSpecs() {
		return Stream.of(
				arguments("empty command", spec(() -> ExecSpec.of("")), "command",
						"Invalid command '': must not be empty"),
				arguments("command with NUL", spec(() -> ExecSpec.of("echo a\0b")), "command",
						"Invalid command 'echo a\\0b': must not contain NUL characters"),
				arguments("negative timeout", spec(() -> ExecSpec.of("true").timeout(Duration.ofSeconds(-1))),
						"timeout", "Invalid timeout 'PT-1S': must be a positive duration"),
				arguments("blank cwd", spec(() -> ExecSpec.of("true").cwd("")), "cwd",
						"Invalid cwd '': must not be empty"),
				arguments("bad env key", spec(() -> ExecSpec.of("true").env("A B", "x")), "env key",
						"Invalid env key 'A B': must start with a letter or '_' and contain only letters, digits and '_'"),
				arguments("command beyond Linux's limit of one argument",
						spec(() -> ExecSpec.of("echo " + "é".repeat(65_535))), "command",
						"Invalid command 'echo " + "é".repeat(59) + "...': must be at most 131071 bytes of UTF-8, "
								+ "Linux's limit for one argument (write a longer script to a file and run it), was 131075"),
				arguments("command with unpaired surrogate", spec(() -> ExecSpec.of("echo \uDC00")), "command",
						"Invalid command 'echo \\uDC00': must be valid Unicode: a surrogate character misses its pair"),
				arguments("env value with unpaired surrogate", spec(() -> ExecSpec.of("true").env("V", "\uD800")),
						"env value for key",
						"Invalid env value for key 'V': must be valid Unicode: a surrogate character misses its pair"));
	}

	@Test
	void acceptsTheLongestCommandAndEnvironmentEntryLinuxRuns() {
		assertThat(ExecSpec.of("x".repeat(131_071)).getCommand()).hasSize(131_071);
		assertThat(ExecSpec.of("true").env("K", "v".repeat(131_069)).getEnv()).containsKey("K");
		assertThat(ExecSpec.of("echo \uD83D\uDE00").getCommand()).endsWith("\uD83D\uDE00");
	}

	@Test
	void execSpecIsImmutable() {
		ExecSpec base = ExecSpec.of("make test");
		ExecSpec derived = base.cwd("/src").env("CI", "true").timeout(Duration.ofMinutes(5)).failOnNonZeroExit();
		assertThat(base.getCwd()).isNull();
		assertThat(base.getEnv()).isEmpty();
		assertThat(derived.getCwd()).isEqualTo("/src");
		assertThat(derived.getEnv()).containsEntry("CI", "true");
		assertThat(derived.getTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(derived.isFailOnNonZeroExit()).isTrue();
		assertThat(derived.toString()).doesNotContain("true\"").contains("CI");
	}

	private static Supplier<Object> spec(Supplier<Object> supplier) {
		return supplier;
	}

}

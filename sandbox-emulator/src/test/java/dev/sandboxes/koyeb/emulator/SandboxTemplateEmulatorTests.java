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

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.sandboxes.koyeb.ExecCompleted;
import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.ExposedPort;
import dev.sandboxes.koyeb.OutputLine;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.ProcessLogLine;
import dev.sandboxes.koyeb.ProcessStatus;
import dev.sandboxes.koyeb.ReactiveSandboxTemplate;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxAuthenticationException;
import dev.sandboxes.koyeb.SandboxCommandException;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxInfo;
import dev.sandboxes.koyeb.SandboxLifecycle;
import dev.sandboxes.koyeb.SandboxNotFoundException;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.StreamType;
import dev.sandboxes.koyeb.emulator.controlplane.ServiceView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The client's verbs end to end over real HTTP against an embedded emulator: one suite, run on
 * each runtime by its subclasses.
 */
abstract class SandboxTemplateEmulatorTests {

	/**
	 * The emulator under test, started before the subclass's tests and stopped after them.
	 */
	abstract IsolatedEmulator emulator();

	private SandboxTemplate template() {
		return emulator().template();
	}

	@Test
	void createExecAndDelete() {
		Sandbox sandbox = template().create(SandboxSpec.builder().name("exec-basics").env("GREETING", "hello").build());
		try {
			assertThat(sandbox.info().status()).isEqualTo("HEALTHY");
			assertThat(sandbox.isHealthy()).isTrue();
			ExecResult result = sandbox.exec("echo \"$GREETING\"; echo oops 1>&2; exit 3");
			assertThat(result.stdout()).isEqualTo("hello\n");
			assertThat(result.stderr()).isEqualTo("oops\n");
			assertThat(result.exitCode()).isEqualTo(3);
			ExecResult inTmp = sandbox.exec(ExecSpec.of("pwd; echo $EXTRA").cwd("/tmp").env("EXTRA", "more"));
			assertThat(inTmp.stdout()).isEqualTo("/tmp\nmore\n");
			assertThatExceptionOfType(SandboxCommandException.class)
				.isThrownBy(() -> sandbox.exec(ExecSpec.of("exit 7").failOnNonZeroExit()))
				.satisfies((ex) -> assertThat(ex.getResult().exitCode()).isEqualTo(7));
		}
		finally {
			sandbox.delete();
		}
		assertThat(service(sandbox.id()).status()).isIn("DELETING", "DELETED");
		await().untilAsserted(() -> assertThat(service(sandbox.id()).status()).isEqualTo("DELETED"));
		assertThatExceptionOfType(SandboxNotFoundException.class).isThrownBy(() -> template().get(sandbox.id()));
	}

	@Test
	void configFilesAreInPlaceWhenTheSandboxStarts() {
		template().execute(SandboxSpec.builder()
			.name("config-files")
			.configFile("/workspace/app/settings.json", "{\"debug\":true}\n")
			.build(), (sandbox) -> {
				assertThat(sandbox.exec("cat /workspace/app/settings.json").stdout()).isEqualTo("{\"debug\":true}\n");
				return null;
			});
	}

	@Test
	void streamsOutputLineByLineAsItIsPrinted() {
		template().execute(SandboxSpec.builder().name("streaming").build(), (sandbox) -> {
			List<OutputLine> lines = new CopyOnWriteArrayList<>();
			List<Long> arrivals = new CopyOnWriteArrayList<>();
			ExecResult result = sandbox.exec(ExecSpec.of("for i in 1 2 3; do echo line $i; sleep 0.3; done; echo bad 1>&2"),
					(line) -> {
						lines.add(line);
						arrivals.add(System.nanoTime());
					});
			assertThat(lines).containsSubsequence(new OutputLine(StreamType.STDOUT, "line 1"),
					new OutputLine(StreamType.STDOUT, "line 2"), new OutputLine(StreamType.STDOUT, "line 3"));
			assertThat(lines).contains(new OutputLine(StreamType.STDERR, "bad"));
			assertThat(result.exitCode()).isZero();
			assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(0))).isGreaterThan(Duration.ofMillis(400));
			return null;
		});
	}

	@Test
	void reactiveStreamEndsWithTheExitCode() {
		ReactiveSandboxTemplate reactive = emulator().templateBuilder().buildReactive();
		StepVerifier
			.create(reactive.create(SandboxSpec.builder().name("reactive").build())
				.flatMapMany((sandbox) -> sandbox.execStream(ExecSpec.of("echo a; echo b; exit 4"))
					.collectList()
					.flatMapMany((events) -> sandbox.delete().thenMany(Flux.fromIterable(events)))))
			.expectNext(new OutputLine(StreamType.STDOUT, "a"), new OutputLine(StreamType.STDOUT, "b"))
			.expectNext(new ExecCompleted(4))
			.verifyComplete();
	}

	@Test
	void textFilesAreSharedWithCommands() {
		template().execute(SandboxSpec.builder().name("text-files").build(), (sandbox) -> {
			sandbox.files().mkdir("/workspace/project/src");
			sandbox.files().write("/workspace/project/src/hello.txt", "héllo\nworld\n");
			assertThat(sandbox.exec("cat /workspace/project/src/hello.txt").stdout()).isEqualTo("héllo\nworld\n");
			sandbox.exec("echo from-shell > /workspace/project/made-by-shell.txt");
			assertThat(sandbox.files().readString("/workspace/project/made-by-shell.txt")).isEqualTo("from-shell\n");
			assertThat(sandbox.files().list("/workspace/project")).containsExactly("made-by-shell.txt", "src");
			assertThat(sandbox.files().exists("/workspace/project/src/hello.txt")).isTrue();
			assertThat(sandbox.files().isFile("/workspace/project/src/hello.txt")).isTrue();
			assertThat(sandbox.files().isDirectory("/workspace/project/src")).isTrue();
			sandbox.files().move("/workspace/project/src/hello.txt", "/workspace/project/hello.txt");
			assertThat(sandbox.files().exists("/workspace/project/src/hello.txt")).isFalse();
			assertThat(sandbox.files().readString("/workspace/project/hello.txt")).isEqualTo("héllo\nworld\n");
			sandbox.files().delete("/workspace/project/hello.txt");
			assertThatExceptionOfType(SandboxFileNotFoundException.class)
				.isThrownBy(() -> sandbox.files().readString("/workspace/project/hello.txt"));
			sandbox.files().deleteRecursively("/workspace/project");
			assertThat(sandbox.files().exists("/workspace/project")).isFalse();
			return null;
		});
	}

	@Test
	void binaryFilesRoundTripByteForByte(@TempDir Path local) throws IOException {
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		new Random(42).nextBytes(content);
		Path source = Files.write(local.resolve("source.bin"), content);
		template().execute(SandboxSpec.builder().name("binary-files").build(), (sandbox) -> {
			sandbox.files().write("/tmp/all-bytes.bin", allByteValues());
			assertThat(sandbox.files().readBytes("/tmp/all-bytes.bin")).isEqualTo(allByteValues());
			assertThat(sandbox.exec("wc -c < /tmp/all-bytes.bin").stdout().trim()).isEqualTo("256");
			sandbox.files().upload(source, "/root/data/upload.bin");
			assertThat(sandbox.exec("sha256sum /root/data/upload.bin | cut -c1-64").stdout().trim())
				.isEqualTo(sha256(content));
			Path target = local.resolve("downloaded.bin");
			sandbox.files().download("/root/data/upload.bin", target);
			assertThat(Files.readAllBytes(target)).isEqualTo(content);
			return null;
		});
	}

	@Test
	void backgroundProcessesWithLogsAndKill() {
		template().execute(SandboxSpec.builder().name("processes").build(), (sandbox) -> {
			ProcessInfo ticker = sandbox.processes()
				.start("for i in 1 2 3; do echo tick $i; echo warn $i 1>&2; sleep 0.2; done");
			ProcessInfo sleeper = sandbox.processes().start("sleep 300 & sleep 301");
			assertThat(ticker.status()).isEqualTo(ProcessStatus.RUNNING);
			List<ProcessLogLine> logs = new ArrayList<>();
			sandbox.processes().logs(ticker.id(), Duration.ofSeconds(10), logs::add);
			assertThat(logs).extracting(ProcessLogLine::text)
				.containsExactlyInAnyOrder("tick 1", "tick 2", "tick 3", "warn 1", "warn 2", "warn 3");
			await().untilAsserted(() -> assertThat(status(sandbox, ticker.id())).isEqualTo(ProcessStatus.COMPLETED));
			sandbox.processes().kill(sleeper.id());
			assertThat(status(sandbox, sleeper.id())).isEqualTo(ProcessStatus.KILLED);
			await().untilAsserted(() -> assertThat(sandbox.exec("ps -eo args").stdout()).doesNotContain("sleep 30"));
			sandbox.processes().start("sleep 302");
			assertThat(sandbox.processes().killAll()).isEqualTo(1);
			return null;
		});
	}

	@Test
	void exposedPortIsReachableThroughTheProxyUrl() throws Exception {
		int port = freePort();
		try (Sandbox sandbox = template().create(SandboxSpec.builder().name("ports").build())) {
			sandbox.files().write("/tmp/index.html", "served from the sandbox\n");
			sandbox.processes().start(ExecSpec.of("python3 -m http.server " + port + " --bind 0.0.0.0").cwd("/tmp"));
			ExposedPort exposed = sandbox.ports().expose(port);
			assertThat(exposed.port()).isEqualTo(port);
			assertThat(exposed.url().toString()).startsWith(emulator().baseUrl() + "/r/").endsWith("/");
			HttpClient http = HttpClient.newHttpClient();
			await().untilAsserted(() -> {
				HttpResponse<String> page = http.send(HttpRequest.newBuilder(exposed.url().resolve("index.html")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(page.body()).isEqualTo("served from the sandbox\n");
			});
			sandbox.ports().unexpose();
			HttpResponse<String> gone = http.send(HttpRequest.newBuilder(exposed.url()).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(gone.statusCode()).isEqualTo(502);
		}
	}

	@Test
	void lifecycleUpdateKeepsTheRunningSandbox() {
		template().execute(SandboxSpec.builder().name("lifecycle-update").deleteAfter(Duration.ofMinutes(10)).build(),
				(sandbox) -> {
					sandbox.files().write("/tmp/state.txt", "kept");
					sandbox.updateLifecycle(new SandboxLifecycle(Duration.ofHours(2), null));
					assertThat(sandbox.info().lifecycle().deleteAfter()).isEqualTo(Duration.ofHours(2));
					sandbox.extendLifetime(Duration.ofHours(1));
					assertThat(sandbox.info().lifecycle().deleteAfter()).isBetween(Duration.ofMinutes(59),
							Duration.ofMinutes(61));
					assertThat(sandbox.files().readString("/tmp/state.txt")).isEqualTo("kept");
					return null;
				});
	}

	@Test
	void reconnectsByIdAndListsByName() {
		try (Sandbox sandbox = template().create(SandboxSpec.builder().name("reconnect-me").build())) {
			sandbox.files().write("/root/note.txt", "left here");
			Sandbox again = template().get(sandbox.id());
			assertThat(again.name()).isEqualTo("reconnect-me");
			assertThat(again.files().readString("/root/note.txt")).isEqualTo("left here");
			assertThat(template().list()).extracting(SandboxInfo::id).contains(sandbox.id());
			assertThat(template().listByName("reconnect-me")).extracting(SandboxInfo::id).containsExactly(sandbox.id());
		}
	}

	@Test
	void executeDeletesTheSandboxAndItsApp() {
		String[] ids = new String[2];
		template().execute(SandboxSpec.builder().name("callback").build(), (sandbox) -> {
			ids[0] = sandbox.id();
			ids[1] = sandbox.appId();
			return sandbox.exec("true");
		});
		await().untilAsserted(() -> assertThat(service(ids[0]).status()).isEqualTo("DELETED"));
		assertThat(emulator().get().apps()).filteredOn((app) -> app.id().equals(ids[1]))
			.singleElement()
			.satisfies((app) -> assertThat(app.status()).isEqualTo("DELETED"));
	}

	@Test
	void configuredTokenIsEnforced() {
		try (KoyebEmulator guarded = KoyebEmulator.builder().apiToken("the-right-token").start()) {
			SandboxTemplate wrong = SandboxTemplate.builder().baseUrl(guarded.baseUrl()).apiToken("a-wrong-token").build();
			assertThatExceptionOfType(SandboxAuthenticationException.class)
				.isThrownBy(() -> wrong.create(SandboxSpec.builder().name("denied").build()))
				.withMessageNotContaining("a-wrong-token");
			assertThat(guarded.services()).isEmpty();
			assertThat(guarded.apps()).isEmpty();
		}
	}

	private ServiceView service(String id) {
		return emulator().get().services().stream().filter((service) -> service.id().equals(id)).findFirst().orElseThrow();
	}

	private static ProcessStatus status(Sandbox sandbox, String id) {
		return sandbox.processes()
			.list()
			.stream()
			.filter((process) -> process.id().equals(id))
			.findFirst()
			.orElseThrow()
			.status();
	}

	private static byte[] allByteValues() {
		byte[] bytes = new byte[256];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sandboxes.koyeb.ExecResult;
import dev.sandboxes.koyeb.ExecSpec;
import dev.sandboxes.koyeb.ProcessInfo;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxLifecycle;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.SandboxTemplateBuilder;
import dev.sandboxes.koyeb.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application on the starter, configured with an API token, runs full sandbox
 * cycles and failures (an exec timeout included) while everything is logged at DEBUG, and at TRACE
 * during the cycles: neither the token, nor any sandbox's secret (read back from the control
 * plane), nor a credential in a command line or in a sandbox's environment may appear in the
 * output, in an exception, in the {@code toString()} of the project's objects and beans, or in an
 * actuator response.
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
class SecretExposureTests {

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	/** A credential written in a command line, as commands may carry them. */
	private static final String COMMAND_SECRET = "command-secret-5f3a9c1e7b2d4068";

	/** A credential given to a sandbox as an environment value. */
	private static final String ENV_SECRET = "env-secret-8e1b6d3f0a9c2475";

	private final List<String> shown = new ArrayList<>();

	private final List<String> secrets = new ArrayList<>(
			List.of(RunningEmulator.API_TOKEN, COMMAND_SECRET, ENV_SECRET));

	@Test
	void noSecretInLogsExceptionsToStringsOrActuatorResponses(CapturedOutput output, @TempDir Path local)
			throws IOException {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).properties(
				"spring.application.name=secrets", "server.port=0", "koyeb.sandbox.api-token=" + RunningEmulator.API_TOKEN,
				"koyeb.sandbox.base-url=" + emulator.baseUrl(), "koyeb.sandbox.request-timeout=10s",
				"logging.level.root=DEBUG", "logging.level.jdk.internal.httpclient=INFO",
				// From JDK 25 the JDK logs every process it starts, with its command line, at DEBUG:
				// the embedded emulator's sandbox commands included (README, "Local emulator").
				"logging.level.java.lang.ProcessBuilder=INFO",
				"management.endpoints.web.exposure.include=*",
				"management.endpoint.health.show-details=always")
			.run()) {
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.TRACE);
			try {
				SandboxTemplate template = context.getBean(SandboxTemplate.class);
				Sandbox kept = cycle(template, local);
				showActuator(context, kept);
				failures(template, kept);
				showBeans(context);
				kept.delete();
			}
			finally {
				LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
			}
		}
		this.shown.add(output.getAll());

		assertThat(this.secrets).hasSize(5).allSatisfy((secret) -> assertThat(secret).hasSizeGreaterThan(16));
		assertThat(output.getAll()).contains("secrets--full-cycle", "/koyeb-sandbox/run", "/v1/services", " TRACE ");
		for (String secret : this.secrets) {
			assertThat(this.shown).noneMatch((text) -> text != null && text.contains(secret));
		}
	}

	/**
	 * Everything a sandbox does, with a second sandbox created and deleted; returns the first.
	 */
	private Sandbox cycle(SandboxTemplate template, Path local) throws IOException {
		Sandbox sandbox = template.create(SandboxSpec.builder()
			.name("full-cycle")
			.env("APP_MODE", "reliability")
			.env("API_KEY", ENV_SECRET)
			.configFile("/root/app.conf", "mode=test")
			.build());
		this.secrets.add(SandboxSecrets.of(emulator.baseUrl(), RunningEmulator.API_TOKEN, sandbox.id()));
		this.shown.add(sandbox.toString());
		this.shown.add(sandbox.reactive().toString());
		this.shown.add(sandbox.info().toString());
		ExecResult result = sandbox.exec(ExecSpec.of("echo out; echo err >&2; exit 3").env("STEP", "one"));
		this.shown.add(result.toString());
		sandbox.exec(ExecSpec.of("printf 'a\\nb\\n'"), (line) -> this.shown.add(line.toString()));
		sandbox.files().write("notes.txt", "text");
		sandbox.files().write("data.bin", new byte[] { 0, 1, 2, (byte) 255 });
		this.shown.add(sandbox.files().readString("notes.txt"));
		sandbox.files().download("data.bin", local.resolve("data.bin"));
		this.shown.add(String.valueOf(Files.size(local.resolve("data.bin"))));
		this.shown.add(sandbox.files().list("/root").toString());
		ProcessInfo printer = sandbox.processes().start("echo started");
		sandbox.processes().logs(printer.id(), Duration.ofSeconds(10), (line) -> this.shown.add(line.toString()));
		ProcessInfo sleeper = sandbox.processes().start("sleep 30");
		this.shown.add(sleeper.toString());
		this.shown.add(sandbox.processes().list().toString());
		sandbox.processes().kill(sleeper.id());
		this.shown.add(sandbox.ports().expose(8080).toString());
		sandbox.ports().unexpose();
		sandbox.updateLifecycle(SandboxLifecycle.deleteAfter(Duration.ofHours(2)));
		sandbox.extendLifetime(Duration.ofMinutes(30));
		this.shown.add(template.get(sandbox.id()).toString());
		this.shown.add(template.list().toString());
		this.shown.add(template.execute(SandboxSpec.builder().name("short-lived").build(), (other) -> {
			this.secrets.add(SandboxSecrets.of(emulator.baseUrl(), RunningEmulator.API_TOKEN, other.id()));
			return other.exec("echo short").toString();
		}));
		return sandbox;
	}

	/**
	 * Failures the application can meet, each exception shown whole.
	 */
	private void failures(SandboxTemplate template, Sandbox sandbox) {
		capture(() -> sandbox.exec(ExecSpec.of("echo failing; exit 4").failOnNonZeroExit()));
		ExecSpec withCredential = ExecSpec.of("true SECRET_TOKEN=" + COMMAND_SECRET + "; sleep 5")
			.timeout(Duration.ofSeconds(1));
		capture(() -> sandbox.exec(withCredential));
		capture(() -> sandbox.exec(withCredential, (line) -> this.shown.add(line.toString())));
		capture(() -> template.get("no-such-sandbox"));
		capture(() -> sandbox.files().readString("/tmp/../../etc/shadow"));
		capture(() -> SandboxTemplate.builder().baseUrl(emulator.baseUrl()).apiToken("wrong-token").build().list());
		emulator.get().faults().inject(Fault.on("POST", "/koyeb-sandbox/run").respond(401));
		capture(() -> sandbox.exec("true"));
		emulator.get().faults().inject(Fault.on("POST", "/v1/apps").respond(500));
		capture(() -> template.create(SandboxSpec.builder().name("failing").build()));
		emulator.get().faults().inject(Fault.on("GET", "/v1/services").dropConnection().always());
		capture(template::list);
		emulator.get().faults().clear();
	}

	private void capture(Runnable failing) {
		try {
			failing.run();
			throw new AssertionError("Expected a failure");
		}
		catch (SandboxException ex) {
			for (Throwable failure = ex; failure != null; failure = failure.getCause()) {
				this.shown.add(failure.toString());
				for (Throwable suppressed : failure.getSuppressed()) {
					this.shown.add(suppressed.toString());
				}
			}
		}
	}

	/**
	 * The actuator's answers, every endpoint included.
	 */
	private void showActuator(ConfigurableApplicationContext context, Sandbox sandbox) {
		String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()
				+ "/actuator";
		for (String path : List.of("", "/health", "/sandboxes", "/sandboxes/" + sandbox.id(), "/metrics",
				"/metrics/koyeb.sandbox.active", "/configprops", "/env", "/beans", "/conditions", "/loggers", "/info")) {
			HttpResponse<String> response = get(base + path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			this.shown.add(response.body());
		}
		assertThat(get(base + "/sandboxes").body()).contains(sandbox.id());
	}

	/**
	 * The {@code toString()} of every bean of this project, builders included.
	 */
	private void showBeans(ConfigurableApplicationContext context) {
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			if (bean.getClass().getName().startsWith("dev.sandboxes.")) {
				this.shown.add(bean.toString());
			}
		}
		SandboxTemplateBuilder builder = context.getBean(SandboxTemplateBuilder.class);
		this.shown.add(builder.toString());
		this.shown.add(builder.build().toString());
	}

	private static HttpResponse<String> get(String url) {
		return TestHttp.send(TestHttp.request(url));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}

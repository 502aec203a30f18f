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
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxSpec;
import dev.sandboxes.koyeb.emulator.KoyebEmulator;
import dev.sandboxes.koyeb.emulator.runtime.RuntimeMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the emulator exposes: it listens on the loopback interface unless told otherwise, and
 * with an API token configured, every route of its control plane refuses a request without it,
 * whatever the method, and changes nothing.
 */
@Timeout(60)
class EmulatorExposureTests {

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.plain();

	private static Sandbox sandbox;

	@BeforeAll
	static void createSandbox() {
		sandbox = emulator.templateBuilder().build().create(SandboxSpec.builder().name("exposure").build());
	}

	@Test
	void listensOnTheLoopbackInterfaceOnly() throws IOException {
		try (KoyebEmulator defaults = KoyebEmulator.builder().runtime(RuntimeMode.PLAIN).start()) {
			assertThat(defaults.baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(TcpSocket.all().stream().filter((socket) -> socket.listensOn(defaults.port())))
				.isNotEmpty()
				.allMatch(TcpSocket::boundToIpv4Loopback);
			Optional<InetAddress> external = externalAddress();
			if (external.isPresent()) {
				try (Socket socket = new Socket()) {
					assertThatExceptionOfType(ConnectException.class).isThrownBy(
							() -> socket.connect(new InetSocketAddress(external.get(), defaults.port()), 2000));
				}
			}
		}
	}

	@Test
	void everyControlPlaneRouteRefusesRequestsWithoutTheTokenAndChangesNothing() {
		String service = "/v1/services/" + sandbox.id();
		List<String> routes = List.of("GET /v1/apps", "POST /v1/apps", "GET /v1/apps/" + sandbox.appId(),
				"DELETE /v1/apps/" + sandbox.appId(), "GET /v1/services", "POST /v1/services", "GET " + service,
				"PATCH " + service, "PUT " + service, "DELETE " + service, "GET /v1/deployments/any",
				"GET /v1/organizations/any/quotas", "GET /v1/unknown");
		for (String route : routes) {
			String[] parts = route.split(" ", 2);
			for (String authorization : new String[] { null, "Bearer wrong", "Basic " + RunningEmulator.API_TOKEN,
					"Bearer " + SandboxSecrets.of(emulator.baseUrl(), RunningEmulator.API_TOKEN, sandbox.id()) }) {
				HttpResponse<String> response = send(parts[0], parts[1], authorization);
				assertThat(response.statusCode()).as(route + " with " + authorization).isEqualTo(401);
				assertThat(response.body()).as(route).startsWith("{\"status\":401,\"code\":\"unauthenticated\"");
			}
		}
		assertThat(emulator.liveServices()).extracting("id").containsExactly(sandbox.id());
		assertThat(sandbox.exec("echo untouched").stdout()).isEqualTo("untouched\n");
	}

	private static Optional<InetAddress> externalAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress()
					&& !address.isLinkLocalAddress())
			.findFirst();
	}

	private static HttpResponse<String> send(String method, String path, String authorization) {
		HttpRequest.Builder request = TestHttp.request(emulator.baseUrl() + path)
			.header("Content-Type", "application/json")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{\"name\": \"intruder\"}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return TestHttp.send(request);
	}

}

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

package dev.sandboxes.koyeb.emulator.executor;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;


/**
 * Exposed ports: {@code <public_url>/r/<routing_key>/<path>} is forwarded to the port the sandbox
 * bound with {@code /bind_port}, on the loopback interface, request and response streamed.
 *
 * @since 0.1.0
 */
public final class PortProxy implements AutoCloseable {

	private static final String PREFIX = "/r/";

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
			"proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

	private final ExecutorTargets targets;

	private final boolean sandboxesReachable;

	private @Nullable ConnectionProvider connections;

	private @Nullable WebClient client;

	private boolean closed;

	/**
	 * Create the proxy.
	 * @param targets finds sandboxes by routing key
	 * @param sandboxesReachable whether sandboxes' ports can be reached, at each sandbox's
	 * {@link dev.sandboxes.koyeb.emulator.runtime.RuntimeSandbox#portHost() port host}; when
	 * sandboxes are cut off the network, the proxy says so
	 */
	public PortProxy(ExecutorTargets targets, boolean sandboxesReachable) {
		this.targets = targets;
		this.sandboxesReachable = sandboxesReachable;
	}

	/**
	 * The client that forwards requests, made at the first one: an emulator whose sandboxes
	 * expose no port never pays for it.
	 */
	private synchronized WebClient client() {
		Assert.state(!this.closed, "The port proxy is closed");
		WebClient made = this.client;
		if (made == null) {
			ConnectionProvider connections = ConnectionProvider.create("koyeb-emulator-port-proxy", 256);
			this.connections = connections;
			made = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
				.build();
			this.client = made;
		}
		return made;
	}

	/**
	 * The routes.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().route((request) -> request.path().startsWith(PREFIX), this::forward).build();
	}

	private Mono<ServerResponse> forward(ServerRequest request) {
		String rest = request.path().substring(PREFIX.length());
		int slash = rest.indexOf('/');
		String routingKey = (slash < 0) ? rest : rest.substring(0, slash);
		String path = (slash < 0) ? "/" : rest.substring(slash);
		Optional<ExecutorTarget> target = this.targets.findByRoutingKey(routingKey);
		if (target.isEmpty()) {
			return ExecutorReplies.notRouted();
		}
		return Entry.enter(request, target.get())
			.flatMap((sandbox) -> forward(request, sandbox.portHost(), sandbox.portBinding().bound(), path))
			.switchIfEmpty(Mono.defer(ExecutorReplies::notRouted));
	}

	private Mono<ServerResponse> forward(ServerRequest request, Optional<String> host, OptionalInt port, String path) {
		if (port.isEmpty()) {
			return ExecutorReplies.text(HttpStatus.BAD_GATEWAY, "No port is exposed in this sandbox");
		}
		if (!this.sandboxesReachable || host.isEmpty()) {
			return ExecutorReplies.text(HttpStatus.BAD_GATEWAY,
					"This sandbox has no network (the emulator runs with --no-network, or its container has no "
							+ "address): its port cannot be reached");
		}
		String uri = UriComponentsBuilder.fromUriString("http://" + host.get() + ":" + port.getAsInt())
			.path(path)
			.query(request.uri().getRawQuery())
			.build(true)
			.toUriString();
		return client().method(request.method())
			.uri(uri)
			.headers((headers) -> copy(request.headers().asHttpHeaders(), headers))
			.body(BodyInserters.fromDataBuffers(request.bodyToFlux(DataBuffer.class)))
			.retrieve()
			.onStatus((status) -> true, (response) -> Mono.empty())
			.toEntityFlux(DataBuffer.class)
			.flatMap(PortProxy::relay)
			.onErrorResume(WebClientRequestException.class, (ex) -> ExecutorReplies.text(HttpStatus.BAD_GATEWAY,
					(ex.getCause() instanceof ConnectException)
							? "Nothing listens on port " + port.getAsInt() + " in the sandbox"
							: "The sandbox's port " + port.getAsInt() + " did not answer"));
	}

	private static Mono<ServerResponse> relay(ResponseEntity<Flux<DataBuffer>> response) {
		ServerResponse.BodyBuilder reply = ServerResponse.status(response.getStatusCode())
			.headers((headers) -> copy(response.getHeaders(), headers));
		Flux<DataBuffer> body = response.getBody();
		return (body != null) ? reply.body(BodyInserters.fromDataBuffers(body)) : reply.build();
	}

	private static void copy(HttpHeaders from, HttpHeaders to) {
		from.forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
				to.addAll(name, values);
			}
		});
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		ConnectionProvider made = this.connections;
		if (made != null) {
			made.dispose();
		}
	}

}

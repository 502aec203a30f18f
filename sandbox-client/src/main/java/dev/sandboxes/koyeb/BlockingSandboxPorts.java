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

import java.util.Optional;

/**
 * {@link SandboxPorts} that waits for {@link ReactiveSandboxPorts}.
 */
final class BlockingSandboxPorts implements SandboxPorts {

	private final ReactiveSandboxPorts reactive;

	BlockingSandboxPorts(ReactiveSandboxPorts reactive) {
		this.reactive = reactive;
	}

	@Override
	public ExposedPort expose(int port) {
		return Blocking.get(this.reactive.expose(port), "ports.expose");
	}

	@Override
	public void unexpose() {
		Blocking.run(this.reactive.unexpose());
	}

	@Override
	public Optional<TcpProxyEndpoint> tcpProxy() {
		return Optional.ofNullable(Blocking.getOrNull(this.reactive.tcpProxy()));
	}

}

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
 * Operations on the port a sandbox publishes. One port is exposed at a time.
 *
 * @since 0.1.0
 */
public interface SandboxPorts {

	/**
	 * Publish a port of the sandbox, replacing any port published before.
	 * @param port the port inside the sandbox, 1 to 65535
	 * @return the published port with its public URL
	 */
	ExposedPort expose(int port);

	/**
	 * Stop publishing the exposed port.
	 */
	void unexpose();

	/**
	 * Return the public raw TCP endpoint of a sandbox created with the TCP proxy.
	 * @return the endpoint, or empty when the TCP proxy is off or not ready yet
	 */
	Optional<TcpProxyEndpoint> tcpProxy();

}

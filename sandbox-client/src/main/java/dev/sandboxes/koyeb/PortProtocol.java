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

/**
 * Protocol of the sandbox's public port (3031) through which an exposed port is reached.
 *
 * @since 0.1.0
 */
public enum PortProtocol {

	/**
	 * HTTP/1.1, the default.
	 */
	HTTP("http"),

	/**
	 * HTTP/2, for example for gRPC servers.
	 */
	HTTP2("http2");

	private final String wireValue;

	PortProtocol(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Return the value Koyeb's API uses for this protocol.
	 * @return the wire value
	 */
	public String wireValue() {
		return this.wireValue;
	}

}

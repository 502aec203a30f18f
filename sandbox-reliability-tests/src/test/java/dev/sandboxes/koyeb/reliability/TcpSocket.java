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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The TCP sockets of this network namespace, from {@code /proc/self/net/tcp} and {@code tcp6},
 * whose lines read {@code sl local_address rem_address st ...} with addresses as
 * {@code HEXIP:HEXPORT} (the IP in the kernel's byte order) and the state in hexadecimal.
 *
 * @param local the local address, for example {@code 0100007F:1F90} for 127.0.0.1:8080
 * @param remote the remote address
 * @param state the state, for example {@code 0A} for listening
 */
record TcpSocket(String local, String remote, String state) {

	/** The state of a listening socket. */
	static final String LISTEN = "0A";

	/** 127.0.0.1, in {@code tcp} and as the IPv4-mapped address of {@code tcp6}. */
	private static final Set<String> IPV4_LOOPBACK = Set.of("0100007F", "0000000000000000FFFF00000100007F");

	static List<TcpSocket> all() {
		List<TcpSocket> sockets = new ArrayList<>();
		for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
			for (String line : lines(Path.of(table))) {
				String[] fields = line.strip().split("\\s+", -1);
				if (fields.length > 3 && fields[1].contains(":")) {
					sockets.add(new TcpSocket(fields[1], fields[2], fields[3]));
				}
			}
		}
		return sockets;
	}

	/**
	 * Whether the socket is from or to a port.
	 */
	boolean on(int port) {
		String hexPort = hexPort(port);
		return this.local.endsWith(hexPort) || this.remote.endsWith(hexPort);
	}

	/**
	 * Whether the socket listens on a port.
	 */
	boolean listensOn(int port) {
		return this.state.equals(LISTEN) && this.local.endsWith(hexPort(port));
	}

	/**
	 * Whether the socket is bound to 127.0.0.1, not to another address or a wildcard.
	 */
	boolean boundToIpv4Loopback() {
		return IPV4_LOOPBACK.contains(this.local.substring(0, this.local.lastIndexOf(':')));
	}

	private static String hexPort(int port) {
		return ":" + String.format(Locale.ROOT, "%04X", port);
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			// no such table here (IPv6 disabled, for one)
			return List.of();
		}
	}

}

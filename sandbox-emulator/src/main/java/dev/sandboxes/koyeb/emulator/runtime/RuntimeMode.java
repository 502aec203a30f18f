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

package dev.sandboxes.koyeb.emulator.runtime;

/**
 * Which runtime the emulator runs sandboxes with.
 *
 * @since 0.1.0
 */
public enum RuntimeMode {

	/**
	 * Each sandbox as a container of its image where a Docker engine is reachable and the image is
	 * there or can be pulled; otherwise as processes isolated by bubblewrap where it works, plain
	 * processes as a last resort (with a warning).
	 */
	AUTO,

	/** Processes isolated by bubblewrap; starting fails where bubblewrap does not work. */
	BUBBLEWRAP,

	/**
	 * Each sandbox a container of its image on a Docker engine (found as Testcontainers finds it:
	 * {@code DOCKER_HOST}, Docker Desktop, Colima, Podman); starting fails where none is reachable,
	 * and creating a sandbox fails when its image cannot be found or pulled.
	 */
	DOCKER,

	/**
	 * Plain host processes confined only by working directory and file-API path mapping: absolute
	 * paths in commands are the host's, and commands can do whatever the emulator's user can.
	 */
	PLAIN

}

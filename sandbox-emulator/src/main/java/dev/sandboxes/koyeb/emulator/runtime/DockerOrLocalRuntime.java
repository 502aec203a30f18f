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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RuntimeMode#AUTO AUTO} runtime where a Docker engine is reachable: each sandbox a
 * container of its image when the engine has that image or can pull it, as on Koyeb; otherwise a
 * sandbox of the local process runtime, which ignores the image.
 */
final class DockerOrLocalRuntime implements SandboxRuntime {

	private static final Logger logger = LoggerFactory.getLogger(DockerOrLocalRuntime.class);

	private final DockerEngine engine;

	private final DockerSandboxRuntime docker;

	private final SandboxRuntime local;

	private final Set<String> imagesReported = ConcurrentHashMap.newKeySet();

	DockerOrLocalRuntime(DockerEngine engine, DockerSandboxRuntime docker, SandboxRuntime local) {
		this.engine = engine;
		this.docker = docker;
		this.local = local;
	}

	@Override
	public String name() {
		return "docker+" + this.local.name();
	}

	@Override
	public boolean isolated() {
		return this.local.isolated();
	}

	@Override
	public RuntimeSandbox provision(SandboxDefinition definition) {
		if (this.engine.imageAvailable(definition.image())) {
			return this.docker.provision(definition);
		}
		if (this.imagesReported.add(definition.image())) {
			logger.info("Docker has no image {} and cannot pull it: its sandboxes run on the {} runtime instead",
					definition.image(), this.local.name());
		}
		return this.local.provision(definition);
	}

	@Override
	public void close() {
		try {
			this.docker.close();
		}
		finally {
			this.local.close();
		}
	}

}

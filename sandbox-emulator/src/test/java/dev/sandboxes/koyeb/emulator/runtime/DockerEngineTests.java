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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Tests for {@link DockerEngine}'s discovery hints and image references, without an engine.
 */
class DockerEngineTests {

	@TempDir
	Path home;

	@Test
	void dockerHostVariableIsAHint() {
		assertThat(DockerEngine.hint(Map.of("DOCKER_HOST", "tcp://docker:2375"), this.home, this.home))
			.contains("DOCKER_HOST is tcp://docker:2375");
	}

	@Test
	void testcontainersPropertiesWithADockerHostAreAHint() throws Exception {
		Files.writeString(this.home.resolve(".testcontainers.properties"), "docker.host=unix:///tmp/other.sock\n");
		assertThat(DockerEngine.hint(Map.of("DOCKER_HOST", " "), this.home, this.home)).hasValueSatisfying(
				(hint) -> assertThat(hint).endsWith("sets docker.host unix:///tmp/other.sock"));
	}

	@Test
	void socketsInTheHomeAndRuntimeDirectoriesAreHints() throws Exception {
		Path desktop = Files.createDirectories(this.home.resolve(".docker/desktop")).resolve("docker.sock");
		Files.createFile(desktop);
		assertThat(DockerEngine.hint(Map.of(), this.home, this.home)).hasValueSatisfying(
				(hint) -> assertThat(hint).startsWith("there is a socket at "));
		Path runtime = Files.createDirectories(this.home.resolve("run/podman"));
		Files.createFile(runtime.resolve("podman.sock"));
		Files.delete(desktop);
		assertThat(DockerEngine.hint(Map.of("XDG_RUNTIME_DIR", this.home.resolve("run").toString()), this.home,
				this.home))
			.hasValueSatisfying((hint) -> assertThat(hint).startsWith("there is a socket at "));
	}

	@Test
	void nothingIsNoHint() {
		assumeFalse(System.getProperty("os.name", "").startsWith("Windows"), "Windows always hints at Docker Desktop");
		assertThat(DockerEngine.hint(Map.of(), this.home, this.home)).isEmpty();
	}

	@Test
	void systemSocketIsAHint() throws Exception {
		Files.createFile(Files.createDirectories(this.home.resolve("var/run")).resolve("docker.sock"));
		assertThat(DockerEngine.hint(Map.of(), this.home, this.home)).hasValueSatisfying(
				(hint) -> assertThat(hint).isEqualTo("there is a socket at " + this.home.resolve("var/run/docker.sock")));
	}

	@Test
	void imageReferencesAreSplitForThePullApi() {
		assertThat(DockerEngine.ImageReference.parse("koyeb/sandbox"))
			.isEqualTo(new DockerEngine.ImageReference("koyeb/sandbox", "latest"));
		assertThat(DockerEngine.ImageReference.parse("koyeb/sandbox:1.2"))
			.isEqualTo(new DockerEngine.ImageReference("koyeb/sandbox", "1.2"));
		assertThat(DockerEngine.ImageReference.parse("registry:5000/koyeb/sandbox"))
			.isEqualTo(new DockerEngine.ImageReference("registry:5000/koyeb/sandbox", "latest"));
		assertThat(DockerEngine.ImageReference.parse("registry:5000/sandbox:v1"))
			.isEqualTo(new DockerEngine.ImageReference("registry:5000/sandbox", "v1"));
		assertThat(DockerEngine.ImageReference.parse("koyeb/sandbox@sha256:abc"))
			.isEqualTo(new DockerEngine.ImageReference("koyeb/sandbox", "sha256:abc"));
	}

	@Test
	void engineMessagesLoseTheirStatusAndJson() {
		assertThat(DockerContainer.message(new IllegalStateException(
				"Status 500: {\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": no such host\"}\n")))
			.isEqualTo("Get \"https://registry-1.docker.io/v2/\": no such host");
		assertThat(DockerContainer.message(new IllegalStateException("plain"))).isEqualTo("plain");
	}

}

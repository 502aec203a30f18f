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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DockerInstanceTypes}.
 */
class DockerInstanceTypesTests {

	private static final long MEBIBYTE = 1024L * 1024;

	@Test
	void instanceTypesGetKoyebsCpuAndMemory() {
		assertThat(DockerInstanceTypes.of("free")).isEqualTo(new DockerInstanceTypes.Resources(100, 512 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("nano")).isEqualTo(new DockerInstanceTypes.Resources(250, 256 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("micro")).isEqualTo(new DockerInstanceTypes.Resources(500, 512 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("small")).isEqualTo(new DockerInstanceTypes.Resources(1000, 1024 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("medium"))
			.isEqualTo(new DockerInstanceTypes.Resources(2000, 2048 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("large")).isEqualTo(new DockerInstanceTypes.Resources(4000, 4096 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("xlarge"))
			.isEqualTo(new DockerInstanceTypes.Resources(8000, 8192 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("2xlarge"))
			.isEqualTo(new DockerInstanceTypes.Resources(16000, 16384 * MEBIBYTE));
		assertThat(DockerInstanceTypes.of("NANO")).isEqualTo(DockerInstanceTypes.of("nano"));
	}

	@Test
	void unknownInstanceTypesGetMicros() {
		assertThat(DockerInstanceTypes.of("gpu-nvidia-h100")).isEqualTo(DockerInstanceTypes.of("micro"));
		assertThat(DockerInstanceTypes.of("gpu-nvidia-h100")).isEqualTo(DockerInstanceTypes.of("micro"));
	}

	@Test
	void cpuIsAtMostTheEnginesMachines() {
		assertThat(DockerInstanceTypes.of("nano").nanoCpus(8)).isEqualTo(250_000_000L);
		assertThat(DockerInstanceTypes.of("2xlarge").nanoCpus(8)).isEqualTo(8_000_000_000L);
		assertThat(DockerInstanceTypes.of("xlarge").nanoCpus(1)).isEqualTo(1_000_000_000L);
	}

}

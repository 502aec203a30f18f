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

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU and memory of Koyeb's instance types, which the docker runtime gives each sandbox's
 * container. An unknown type gets {@value #FALLBACK}'s, with a warning (once per type).
 */
final class DockerInstanceTypes {

	private static final Logger logger = LoggerFactory.getLogger(DockerInstanceTypes.class);

	static final String FALLBACK = "micro";

	private static final long MEBIBYTE = 1024L * 1024;

	private static final long GIBIBYTE = 1024 * MEBIBYTE;

	private static final Resources MICRO = new Resources(500, 512 * MEBIBYTE);

	private static final Map<String, Resources> TYPES = Map.of("free", new Resources(100, 512 * MEBIBYTE),
			"nano", new Resources(250, 256 * MEBIBYTE), FALLBACK, MICRO, "small", new Resources(1000, GIBIBYTE),
			"medium", new Resources(2000, 2 * GIBIBYTE), "large", new Resources(4000, 4 * GIBIBYTE), "xlarge",
			new Resources(8000, 8 * GIBIBYTE), "2xlarge", new Resources(16000, 16 * GIBIBYTE));

	private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

	private DockerInstanceTypes() {
	}

	/**
	 * The resources of an instance type.
	 * @param instanceType the type, for example {@code nano}
	 * @return its resources, {@value #FALLBACK}'s for an unknown type
	 */
	static Resources of(String instanceType) {
		Resources resources = TYPES.get(instanceType.toLowerCase(Locale.ROOT));
		if (resources != null) {
			return resources;
		}
		if (WARNED.add(instanceType)) {
			logger.warn("Unknown instance type '{}': its sandboxes get the resources of {} ({} vCPU, {} MB)",
					instanceType, FALLBACK, MICRO.millicpus() / 1000.0, MICRO.memoryBytes() / MEBIBYTE);
		}
		return MICRO;
	}

	/**
	 * What an instance type gets.
	 * @param millicpus thousandths of a vCPU
	 * @param memoryBytes memory, swap excluded
	 */
	record Resources(long millicpus, long memoryBytes) {

		/**
		 * The CPU as the engine takes it, at most the engine's machine's.
		 * @param cpus the processors of the engine's machine
		 * @return billionths of a CPU
		 */
		long nanoCpus(int cpus) {
			return Math.min(this.millicpus, cpus * 1000L) * 1_000_000L;
		}

	}

}

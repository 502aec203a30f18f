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

package dev.sandboxes.koyeb.emulator.controlplane;

import java.util.Map;

import dev.sandboxes.koyeb.emulator.runtime.SandboxDefinition;

/**
 * The sandbox a service should have: its deployment, what the runtime provisions, and the
 * configuration files that belong to its initial state.
 *
 * @param deploymentId the deployment
 * @param definition what the runtime provisions
 * @param configFiles the content of each configuration file, by absolute path
 */
record SandboxTarget(String deploymentId, SandboxDefinition definition, Map<String, String> configFiles) {

	SandboxTarget {
		configFiles = Map.copyOf(configFiles);
	}

	@Override
	public String toString() {
		return "SandboxTarget[deploymentId=" + this.deploymentId + ", definition=" + this.definition
				+ ", configFiles=" + this.configFiles.keySet() + "]";
	}

}

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

import java.util.Map;

/**
 * What a sandbox is created with, taken from its service's deployment definition.
 *
 * @param sandboxId the id of the sandbox (its service id)
 * @param image the requested image (honoured by container runtimes only)
 * @param instanceType the requested instance type, for example {@code micro}
 * @param env the environment of every command, {@code SANDBOX_SECRET} included
 * @since 0.1.0
 */
public record SandboxDefinition(String sandboxId, String image, String instanceType, Map<String, String> env) {

	/**
	 * Create a definition, copying the environment.
	 * @param sandboxId see {@link #sandboxId()}
	 * @param image see {@link #image()}
	 * @param instanceType see {@link #instanceType()}
	 * @param env see {@link #env()}
	 */
	public SandboxDefinition {
		env = Map.copyOf(env);
	}

	@Override
	public String toString() {
		return "SandboxDefinition[sandboxId=" + this.sandboxId + ", image=" + this.image + ", instanceType="
				+ this.instanceType + ", env=" + this.env.keySet() + "]";
	}

}

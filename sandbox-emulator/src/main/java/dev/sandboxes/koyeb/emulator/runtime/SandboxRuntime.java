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
 * Where the emulator's sandboxes run. A runtime provisions each sandbox's isolated storage and runs
 * its commands; closing it destroys every sandbox it provisioned.
 *
 * @since 0.1.0
 */
public interface SandboxRuntime extends AutoCloseable {

	/**
	 * The runtime's name as shown in logs and {@code --help}, for example {@code bubblewrap}.
	 * @return the name
	 */
	String name();

	/**
	 * Whether sandboxes are isolated from the host and from each other.
	 * @return {@code true} when commands cannot write the host or see other sandboxes
	 */
	boolean isolated();

	/**
	 * Create the storage of a new sandbox, ready to run commands.
	 * @param definition what the sandbox was created with
	 * @return the sandbox
	 * @throws RuntimeProvisioningException if its storage cannot be created
	 */
	RuntimeSandbox provision(SandboxDefinition definition);

	/**
	 * Destroy every sandbox this runtime provisioned: processes killed, storage removed.
	 */
	@Override
	void close();

}

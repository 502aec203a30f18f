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

import java.util.List;
import java.util.Optional;

/**
 * The background processes of one sandbox. Processes stay listed after they end, until the sandbox
 * is reset or destroyed.
 *
 * @since 0.1.0
 */
public interface ProcessTable {

	/**
	 * Start a background process.
	 * @param request the command
	 * @return the process, running
	 * @throws InvalidWorkingDirectoryException if the working directory does not exist
	 * @throws CommandStartException if it cannot be started
	 */
	BackgroundProcess start(CommandRequest request);

	/**
	 * Every process, in start order.
	 * @return the processes
	 */
	List<BackgroundProcess> list();

	/**
	 * Find a process by id.
	 * @param id the id
	 * @return the process
	 */
	Optional<BackgroundProcess> find(String id);

	/**
	 * Kill every running process and forget them all.
	 */
	void clear();

}

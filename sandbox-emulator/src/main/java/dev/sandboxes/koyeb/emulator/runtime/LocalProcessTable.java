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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The background processes of one sandbox, started through the sandbox's own launcher so that
 * they run exactly like its other commands.
 */
final class LocalProcessTable implements ProcessTable {

	private final Function<CommandRequest, CommandExecution> launcher;

	private final Map<String, BackgroundProcess> processes = new LinkedHashMap<>();

	/**
	 * Create a table.
	 * @param launcher starts a command in the sandbox
	 */
	LocalProcessTable(Function<CommandRequest, CommandExecution> launcher) {
		this.launcher = launcher;
	}

	@Override
	public BackgroundProcess start(CommandRequest request) {
		CommandExecution execution = this.launcher.apply(request);
		BackgroundProcess process = LocalBackgroundProcess.follow(UUID.randomUUID().toString(), request.command(),
				execution);
		synchronized (this.processes) {
			this.processes.put(process.id(), process);
		}
		return process;
	}

	@Override
	public List<BackgroundProcess> list() {
		synchronized (this.processes) {
			return List.copyOf(this.processes.values());
		}
	}

	@Override
	public Optional<BackgroundProcess> find(String id) {
		synchronized (this.processes) {
			return Optional.ofNullable(this.processes.get(id));
		}
	}

	@Override
	public void clear() {
		List<BackgroundProcess> forgotten;
		synchronized (this.processes) {
			forgotten = new ArrayList<>(this.processes.values());
			this.processes.clear();
		}
		forgotten.forEach(BackgroundProcess::kill);
	}

}

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

/**
 * What the emulator's bubblewrap sandboxes see of this host, as bubblewrap options, for a floor
 * isolated exactly as the emulator isolates commands. It lives in the emulator's package to read
 * the emulator's own view rather than a copy of it. Closing it removes the empty file that stands
 * in for the host's hidden files.
 *
 * @since 0.1.0
 */
public final class EmulatorHostView implements AutoCloseable {

	private final HostView view = HostView.ofThisHost();

	/**
	 * Take the view of this host as it is now.
	 */
	public EmulatorHostView() {
	}

	/**
	 * The options that show the host's system directories read-only, with its private files of
	 * {@code /etc} hidden.
	 * @return the options, before the sandbox's own {@code /dev}, {@code /proc} and {@code /run}
	 */
	public List<String> systemDirectories() {
		return this.view.options();
	}

	/**
	 * The options that show the target of {@code /etc/resolv.conf} where it links into
	 * {@code /run}.
	 * @return the options, after the sandbox's own {@code /run}; empty where none is needed
	 */
	public List<String> resolver() {
		return this.view.resolver();
	}

	@Override
	public void close() {
		this.view.removeStandIn();
	}

}

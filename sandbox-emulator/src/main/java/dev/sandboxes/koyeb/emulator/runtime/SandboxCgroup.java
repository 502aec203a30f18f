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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cgroups of one sandbox, one per hierarchy, capped by {@link SandboxCgroups}.
 */
final class SandboxCgroup {

	private static final Logger logger = LoggerFactory.getLogger(SandboxCgroup.class);

	private static final String PROCESSES = "cgroup.procs";

	private static final long POLL_MILLIS = 5;

	private final List<Path> groups;

	SandboxCgroup(List<Path> groups) {
		this.groups = groups;
	}

	/**
	 * The directories of the groups.
	 * @return one directory per hierarchy
	 */
	List<Path> groups() {
		return this.groups;
	}

	/**
	 * A shell command that moves the shell running it into every group, so that what it then
	 * runs (with {@code exec}) and everything that forks are capped; it fails if a group cannot be
	 * joined.
	 * @return the command
	 */
	String joinCommand() {
		return this.groups.stream()
			.map((group) -> "echo $$ > " + quote(group.resolve(PROCESSES).toString()))
			.collect(Collectors.joining(" && "));
	}

	/**
	 * Shell redirections that open every group's process list for writing, from the first
	 * descriptor given on, for a process inside the sandbox, which cannot see the groups, to join
	 * them through its inherited descriptors with {@link #joinThroughCommand(int)}.
	 * @param firstDescriptor the first descriptor, at most 9 less the number of groups
	 * @return the redirections, separated by spaces
	 */
	String openForJoining(int firstDescriptor) {
		StringBuilder redirections = new StringBuilder();
		for (int i = 0; i < this.groups.size(); i++) {
			redirections.append(' ').append(firstDescriptor + i).append('>')
				.append(quote(this.groups.get(i).resolve(PROCESSES).toString()));
		}
		return redirections.toString().strip();
	}

	/**
	 * A shell command that moves the shell running it into every group through the descriptors
	 * {@link #openForJoining(int)} opened, then closes them; it fails if a group cannot be joined.
	 * The kernel checks the write against whoever opened the descriptor, so a process without
	 * capabilities can join this way.
	 * @param firstDescriptor the first descriptor
	 * @return the command
	 */
	String joinThroughCommand(int firstDescriptor) {
		StringBuilder command = new StringBuilder();
		StringBuilder close = new StringBuilder();
		for (int i = 0; i < this.groups.size(); i++) {
			int descriptor = firstDescriptor + i;
			command.append((i > 0) ? " && " : "").append("echo $$ >&").append(descriptor);
			close.append(' ').append(descriptor).append(">&-");
		}
		return command.append(" && exec").append(close).toString();
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "'\\''") + "'";
	}

	/**
	 * Kill whatever is still in the groups, and remove them once empty.
	 * @param deadline the {@link System#nanoTime()} to give up at
	 * @throws InterruptedException if interrupted while waiting
	 */
	void remove(long deadline) throws InterruptedException {
		for (Path group : this.groups) {
			while (!removed(group)) {
				if (System.nanoTime() - deadline >= 0) {
					logger.warn("Cannot remove cgroup {}: processes remain in it", group);
					break;
				}
				Thread.sleep(POLL_MILLIS);
			}
		}
	}

	/**
	 * Try once to remove a group, killing the processes it holds.
	 * @return whether it is gone
	 */
	private static boolean removed(Path group) {
		List<Long> processes;
		try {
			processes = Files.readAllLines(group.resolve(PROCESSES)).stream().map(Long::valueOf).toList();
		}
		catch (NoSuchFileException ex) {
			return true;
		}
		catch (IOException | NumberFormatException ex) {
			logger.debug("Cannot read the processes of cgroup {}", group, ex);
			processes = List.of();
		}
		if (processes.isEmpty()) {
			try {
				Files.deleteIfExists(group);
				return true;
			}
			catch (IOException ex) {
				// a process is still leaving the group
				return false;
			}
		}
		long self = ProcessHandle.current().pid();
		processes.stream()
			.filter((pid) -> pid != self)
			.forEach((pid) -> ProcessHandle.of(pid)
				.filter((process) -> isIn(process, group))
				.ifPresent(ProcessHandle::destroyForcibly));
		return false;
	}

	/**
	 * Whether a process is still in a group. A pid read from the group may have been reused by a
	 * process of another group since; the handle, taken before this check, is bound to its
	 * process's start time, so that killing it cannot reach a later holder of the pid.
	 * @param process the process
	 * @param group the group's directory
	 * @return whether the process's {@code /proc/<pid>/cgroup} names the group
	 */
	static boolean isIn(ProcessHandle process, Path group) {
		List<String> memberships;
		try {
			memberships = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "cgroup"));
		}
		catch (IOException ex) {
			return false;
		}
		for (String membership : memberships) {
			// hierarchy-id:controllers:path, the path relative to the hierarchy's mount
			String[] parts = membership.split(":", 3);
			if (parts.length == 3 && parts[2].length() > 1 && group.endsWith(parts[2].substring(1))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "SandboxCgroup" + this.groups;
	}

}

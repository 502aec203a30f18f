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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kills process trees and waits for them to die. A process counts as dead once it is exiting or
 * a zombie: where nothing reaps orphans (some container init processes do not), a killed
 * grandchild stays a zombie for ever but no longer runs, and the pid 1 of a pid namespace stays
 * exiting until every other process of the namespace has been reaped, by whoever adopted it.
 */
final class ProcessTrees {

	private static final int MAX_KILL_ROUNDS = 5;

	private static final int MAX_STOP_ROUNDS = 64;

	private static final String KILL_COMMAND = Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "kill";

	private static final long POLL_MILLIS = 5;

	private static final boolean PROC_AVAILABLE = Files.isDirectory(Path.of("/proc/self"));

	/**
	 * Whether Linux lists each thread's children in {@code /proc/<pid>/task/<tid>/children}
	 * ({@code CONFIG_PROC_CHILDREN}), checked on this JVM's main thread.
	 */
	private static final boolean CHILDREN_FILES = childrenFilesExist();

	/** The kernel's flag of a process that has begun to exit, {@code PF_EXITING}. */
	private static final long EXITING = 0x4;

	/** The index of the flags among the fields of {@code /proc/<pid>/stat} after the name. */
	private static final int FLAGS_FIELD = 6;

	private ProcessTrees() {
	}

	/**
	 * Kill a process and its descendants with SIGKILL. The tree is first frozen with SIGSTOP, the
	 * process first and then each generation of descendants until no new one appears, so that no
	 * process can fork a child that would escape the kill by being orphaned; then every frozen
	 * process is killed. A descendant that had already left the tree (an orphan reparented to
	 * init) is out of reach. Where processes cannot be stopped, the tree is killed in a few rounds
	 * that catch children forked meanwhile.
	 * <p>
	 * A root that has ended is left alone: its children were handed to init when it exited, and
	 * its pid may already name another process, whose children a stale handle would list. Each
	 * generation is likewise taken only from processes still running.
	 * @param root the process
	 * @return every process signalled, the root first
	 */
	static List<ProcessHandle> kill(ProcessHandle root) {
		List<ProcessHandle> signalled = new ArrayList<>();
		if (!isRunning(root)) {
			return signalled;
		}
		List<ProcessHandle> batch = new ArrayList<>();
		batch.add(root);
		for (int round = 0; round < MAX_STOP_ROUNDS && !batch.isEmpty() && stop(batch); round++) {
			signalled.addAll(batch);
			batch = batch.stream()
				.filter(ProcessHandle::isAlive)
				.flatMap(ProcessTrees::children)
				.filter((process) -> !signalled.contains(process) && isRunning(process))
				.distinct()
				.toList();
		}
		batch = new ArrayList<>(batch);
		batch.addAll(signalled.isEmpty() ? root.descendants().toList() : List.of());
		// A process that is gone (or whose pid now names another process) cannot be killed: should the
		// pid have been reused before the stop, the stranger it names is let go on.
		signal("-CONT", signalled.stream().filter((process) -> !process.destroyForcibly()).toList());
		for (int round = 0; round < MAX_KILL_ROUNDS && !batch.isEmpty(); round++) {
			batch.forEach(ProcessHandle::destroyForcibly);
			signalled.addAll(batch);
			batch = batch.stream()
				.filter(ProcessHandle::isAlive)
				.flatMap(ProcessHandle::descendants)
				.filter((process) -> !signalled.contains(process) && isRunning(process))
				.distinct()
				.toList();
		}
		return signalled;
	}

	/**
	 * The children of a process. Where Linux lists them in the {@code children} file of each of
	 * the process's threads, they are read there, at the cost of the process's own entries rather
	 * than of a read of every process of the machine as {@link ProcessHandle#children()} does; a
	 * child whose pid is reused meanwhile is left out, since its parent is then another process. As
	 * with {@link ProcessHandle#children()}, a child forked or reaped during the read may be missed.
	 * @param process the process
	 * @return its children, none if it is gone
	 */
	static Stream<ProcessHandle> children(ProcessHandle process) {
		if (!CHILDREN_FILES) {
			return process.children();
		}
		List<ProcessHandle> children = new ArrayList<>();
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()),
				"task"))) {
			for (Path thread : threads) {
				for (String pid : childrenOfThread(thread)) {
					ProcessHandle.of(Long.parseLong(pid)).ifPresent(children::add);
				}
			}
		}
		catch (NoSuchFileException ex) {
			return Stream.empty();
		}
		catch (IOException ex) {
			return process.children();
		}
		return children.stream().filter((child) -> child.parent().filter(process::equals).isPresent());
	}

	private static List<String> childrenOfThread(Path thread) throws IOException {
		try {
			String listed = Files.readString(thread.resolve("children")).strip();
			return listed.isEmpty() ? List.of() : List.of(listed.split(" "));
		}
		catch (NoSuchFileException ex) {
			// The thread has ended.
			return List.of();
		}
	}

	private static boolean childrenFilesExist() {
		String pid = Long.toString(ProcessHandle.current().pid());
		return Files.isReadable(Path.of("/proc", pid, "task", pid, "children"));
	}

	/**
	 * Send SIGSTOP to processes.
	 * @return whether the {@code kill} command ran
	 */
	private static boolean stop(List<ProcessHandle> processes) {
		return signal("-STOP", processes);
	}

	/**
	 * Send a signal to processes, with the system's {@code kill} command.
	 * @return whether the command ran
	 */
	private static boolean signal(String signal, List<ProcessHandle> processes) {
		if (processes.isEmpty()) {
			return true;
		}
		List<String> command = new ArrayList<>(List.of(KILL_COMMAND, signal));
		processes.forEach((process) -> command.add(Long.toString(process.pid())));
		try {
			Process kill = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			kill.waitFor();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Wait until none of some processes runs any more.
	 * @param processes the processes
	 * @param deadline the {@link System#nanoTime()} to give up at
	 * @return whether they all ended in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	static boolean awaitEnd(Collection<ProcessHandle> processes, long deadline) throws InterruptedException {
		for (ProcessHandle process : processes) {
			while (isRunning(process)) {
				if (System.nanoTime() - deadline >= 0) {
					return false;
				}
				Thread.sleep(POLL_MILLIS);
			}
		}
		return true;
	}

	/**
	 * Whether a process is alive, neither exiting nor a zombie.
	 * @param process the process
	 * @return whether it runs
	 */
	static boolean isRunning(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		if (!PROC_AVAILABLE) {
			return true;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ", FLAGS_FIELD + 2);
			return fields.length <= FLAGS_FIELD || (!fields[0].equals("Z") && !fields[0].equals("X")
					&& (Long.parseLong(fields[FLAGS_FIELD]) & EXITING) == 0);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException | NumberFormatException ex) {
			return true;
		}
	}

}

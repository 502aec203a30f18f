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

package dev.sandboxes.koyeb.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The faults an emulator injects, changed while it runs; none by default. Each request takes the
 * first injected fault that matches it and has uses left.
 *
 * @since 0.1.0
 */
public final class EmulatorFaults {

	private final List<Pending> pending = new ArrayList<>();

	EmulatorFaults() {
	}

	/**
	 * Add a fault, after those injected before.
	 * @param fault the fault
	 * @return this object
	 */
	public synchronized EmulatorFaults inject(Fault fault) {
		this.pending.add(new Pending(fault, fault.timesValue()));
		return this;
	}

	/**
	 * Remove every fault: requests are handled normally again.
	 */
	public synchronized void clear() {
		this.pending.clear();
	}

	/**
	 * How many faults still have uses left.
	 * @return the count
	 */
	public synchronized int remaining() {
		return this.pending.size();
	}

	/**
	 * Take one use of the first fault that matches a request.
	 * @param method the request's method
	 * @param path the request's path
	 * @return the fault, empty when none applies
	 */
	synchronized Optional<Fault> take(String method, String path) {
		Iterator<Pending> faults = this.pending.iterator();
		while (faults.hasNext()) {
			Pending candidate = faults.next();
			if (candidate.fault.matches(method, path)) {
				if (--candidate.uses == 0) {
					faults.remove();
				}
				return Optional.of(candidate.fault);
			}
		}
		return Optional.empty();
	}

	@Override
	public synchronized String toString() {
		return "EmulatorFaults" + this.pending.stream().map((pending) -> pending.fault).toList();
	}

	private static final class Pending {

		private final Fault fault;

		private int uses;

		Pending(Fault fault, int uses) {
			this.fault = fault;
			this.uses = uses;
		}

	}

}

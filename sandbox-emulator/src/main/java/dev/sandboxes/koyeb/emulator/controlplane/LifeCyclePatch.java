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

import org.jspecify.annotations.Nullable;

/**
 * The {@code life_cycle} of a request: the fields it sets, the others left as they are.
 *
 * @param deleteAfterCreate the new {@code delete_after_create}, or {@code null} to keep it
 * @param deleteAfterSleep the new {@code delete_after_sleep}, or {@code null} to keep it
 */
record LifeCyclePatch(@Nullable Long deleteAfterCreate, @Nullable Long deleteAfterSleep) {

	/**
	 * Apply the set fields to a life cycle.
	 * @param current the life cycle before
	 * @return the life cycle after
	 */
	LifeCycle applyTo(LifeCycle current) {
		return new LifeCycle((this.deleteAfterCreate != null) ? this.deleteAfterCreate : current.deleteAfterCreate(),
				(this.deleteAfterSleep != null) ? this.deleteAfterSleep : current.deleteAfterSleep());
	}

}

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
package dev.sandboxes.koyeb.boot.autoconfigure;

/**
 * Why this application deleted a sandbox.
 *
 * @since 0.1.0
 */
public enum DeletionReason {

	/**
	 * Deleted by the application's own code, or through the actuator endpoint.
	 */
	EXPLICIT("explicit"),

	/**
	 * Deleted by the reaper because it was older than the maximum age.
	 */
	MAX_AGE("max-age"),

	/**
	 * Deleted by the reaper because it was unused longer than the maximum idle time.
	 */
	IDLE("idle"),

	/**
	 * Deleted because the instance that created it shut down.
	 */
	SHUTDOWN("shutdown");

	private final String tag;

	DeletionReason(String tag) {
		this.tag = tag;
	}

	/**
	 * Return the reason as a metric tag value.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}

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
 * The filters and page of {@code GET /v1/apps}: the live apps, newest first, of a name if one
 * is given.
 *
 * @param name the exact name, or {@code null} for every name
 * @param limit the page size
 * @param offset the number of matching apps to skip
 */
record AppListQuery(@Nullable String name, int limit, long offset) {

	/**
	 * Whether an app matches the filters. The caller holds the state's lock.
	 * @param app the app
	 * @return whether it matches
	 */
	boolean matches(AppRecord app) {
		return app.status().isLive() && (this.name == null || this.name.equals(app.name()));
	}

}

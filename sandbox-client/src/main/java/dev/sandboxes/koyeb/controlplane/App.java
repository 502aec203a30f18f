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

package dev.sandboxes.koyeb.controlplane;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An app as returned by the API (definition {@code App}); fields this client does not use
 * are ignored.
 *
 * @param id the app id
 * @param name the app name
 * @param status the app status
 * @param domains the app's domains
 * @param lifeCycle the app's lifecycle
 * @since 0.1.0
 */
public record App(String id, @Nullable String name, @Nullable String status, @Nullable List<Domain> domains,
		@Nullable AppLifeCycle lifeCycle) {

	/**
	 * A domain of an app (definition {@code Domain}).
	 *
	 * @param name the domain name, for example {@code my-app-org.koyeb.app}
	 */
	public record Domain(@Nullable String name) {

	}

}

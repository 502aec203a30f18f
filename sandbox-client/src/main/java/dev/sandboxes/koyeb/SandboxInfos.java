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

package dev.sandboxes.koyeb;

import java.time.Duration;

import dev.sandboxes.koyeb.controlplane.Service;
import dev.sandboxes.koyeb.controlplane.ServiceLifeCycle;
import org.jspecify.annotations.Nullable;

/**
 * Maps control-plane services to {@link SandboxInfo}.
 */
final class SandboxInfos {

	private SandboxInfos() {
	}

	static SandboxInfo of(Service service) {
		ServiceLifeCycle lifeCycle = service.lifeCycle();
		SandboxLifecycle lifecycle = (lifeCycle != null)
				? new SandboxLifecycle(duration(lifeCycle.deleteAfterCreate()), duration(lifeCycle.deleteAfterSleep()))
				: SandboxLifecycle.NONE;
		return new SandboxInfo(service.id(), nonNull(service.name()), nonNull(service.appId()),
				nonNull(service.status()), service.createdAt(), service.updatedAt(), lifecycle);
	}

	private static Duration duration(@Nullable Long seconds) {
		return (seconds != null) ? Duration.ofSeconds(seconds) : Duration.ZERO;
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

}

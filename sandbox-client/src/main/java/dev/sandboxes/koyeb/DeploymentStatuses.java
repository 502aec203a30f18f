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

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Classifies deployment and service statuses while waiting for a sandbox, failing closed:
 * a status not known to be in progress or ready is terminal.
 */
final class DeploymentStatuses {

	private static final Set<String> READY = Set.of("HEALTHY", "DEGRADED");

	private static final Set<String> DEPLOYMENT_IN_PROGRESS = Set.of("PENDING", "PROVISIONING", "SCHEDULED",
			"ALLOCATING", "STARTING");

	private static final Set<String> SERVICE_IN_PROGRESS = Set.of("STARTING", "RESUMING");

	private DeploymentStatuses() {
	}

	enum Phase {

		READY, IN_PROGRESS, TERMINAL

	}

	static Phase ofDeployment(@Nullable String status) {
		return classify(status, DEPLOYMENT_IN_PROGRESS);
	}

	static Phase ofService(@Nullable String status) {
		return classify(status, SERVICE_IN_PROGRESS);
	}

	private static Phase classify(@Nullable String status, Set<String> inProgress) {
		if (status == null || status.isEmpty()) {
			return Phase.IN_PROGRESS;
		}
		String normalized = status.toUpperCase(Locale.ROOT);
		if (READY.contains(normalized)) {
			return Phase.READY;
		}
		return inProgress.contains(normalized) ? Phase.IN_PROGRESS : Phase.TERMINAL;
	}

}

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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A service as returned by the API (definitions {@code Service} and
 * {@code ServiceListItem}); fields this client does not use are ignored.
 *
 * @param id the service id, which is the sandbox id
 * @param name the service name
 * @param type the service type
 * @param appId the app holding the service
 * @param status the service status
 * @param createdAt the creation time
 * @param updatedAt the time of the last change
 * @param activeDeploymentId the deployment serving traffic
 * @param latestDeploymentId the most recent deployment
 * @param lifeCycle the deletion rules
 * @since 0.1.0
 */
public record Service(String id, @Nullable String name, @Nullable String type, @Nullable String appId,
		@Nullable String status, @Nullable Instant createdAt, @Nullable Instant updatedAt,
		@Nullable String activeDeploymentId, @Nullable String latestDeploymentId,
		@Nullable ServiceLifeCycle lifeCycle) {

	/**
	 * Return the deployment to inspect: the active one, else the latest.
	 * @return the deployment id, or {@code null} when the service has none yet
	 */
	public @Nullable String currentDeploymentId() {
		if (this.activeDeploymentId != null && !this.activeDeploymentId.isEmpty()) {
			return this.activeDeploymentId;
		}
		return (this.latestDeploymentId != null && !this.latestDeploymentId.isEmpty()) ? this.latestDeploymentId
				: null;
	}

}

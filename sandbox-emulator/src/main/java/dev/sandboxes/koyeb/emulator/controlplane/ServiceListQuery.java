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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The filters and page of {@code GET /v1/services}. Empty lists and {@code null} values do not
 * filter, except that deleted and deleting services are listed only when {@code statuses} asks for
 * them.
 *
 * @param types the service types to list
 * @param name the exact service name
 * @param appId the app id
 * @param statuses the service statuses to list
 * @param regions the regions to list
 * @param limit the page size
 * @param offset how many matching services to skip
 */
record ServiceListQuery(List<String> types, @Nullable String name, @Nullable String appId, List<String> statuses,
		List<String> regions, int limit, long offset) {

	/**
	 * Whether a service matches the filters. The caller holds the state's lock.
	 * @param service the service
	 * @param status its current status
	 * @return whether it matches
	 */
	boolean matches(ServiceRecord service, ResourceStatus status) {
		return (this.types.isEmpty() || this.types.contains("SANDBOX"))
				&& (this.name == null || this.name.equals(service.name()))
				&& (this.appId == null || this.appId.equals(service.appId()))
				&& (this.statuses.isEmpty() ? status.isLive() : this.statuses.contains(status.name()))
				&& (this.regions.isEmpty() || this.regions.contains(service.latest().spec().region()));
	}

}

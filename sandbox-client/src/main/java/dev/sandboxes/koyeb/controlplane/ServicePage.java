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
 * One page of {@code GET /v1/services} (definition {@code ListServicesReply}).
 *
 * @param services the services of the page
 * @param limit the page size
 * @param offset the offset of the page
 * @param count the total number of services
 * @param hasNext whether more pages follow
 * @since 0.1.0
 */
public record ServicePage(@Nullable List<Service> services, @Nullable Long limit, @Nullable Long offset,
		@Nullable Long count, @Nullable Boolean hasNext) {

}

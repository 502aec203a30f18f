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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the control plane knows of a sandbox, as listed or fetched without connecting to
 * it.
 *
 * @param id the sandbox id (the Koyeb service id)
 * @param name the sandbox (service) name
 * @param appId the id of the Koyeb app holding it
 * @param status the service status as Koyeb spells it, for example {@code HEALTHY}
 * @param createdAt when it was created, if known
 * @param updatedAt when the control plane last changed it, if known
 * @param lifecycle its deletion rules
 * @since 0.1.0
 */
public record SandboxInfo(String id, String name, String appId, String status, @Nullable Instant createdAt,
		@Nullable Instant updatedAt, SandboxLifecycle lifecycle) {

}

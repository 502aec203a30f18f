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

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of this application's sandboxes, as listed: no secret, only what an operator needs.
 *
 * @param id the sandbox id
 * @param name the sandbox name, starting with the owner's tag
 * @param status the Koyeb service status, such as {@code HEALTHY} or {@code SLEEPING}
 * @param createdAt when the sandbox was created, if known
 * @param age how long ago it was created, if known
 * @param idle how long ago this instance last used it, or {@code null} if it has not
 * @param remainingLifetime how long until Koyeb deletes it, or {@code null} if it has no
 * deletion delay
 * @param createdHere whether this application instance created it
 * @since 0.1.0
 */
public record OwnedSandbox(String id, String name, String status, @Nullable Instant createdAt, @Nullable Duration age,
		@Nullable Duration idle, @Nullable Duration remainingLifetime, boolean createdHere) {

}

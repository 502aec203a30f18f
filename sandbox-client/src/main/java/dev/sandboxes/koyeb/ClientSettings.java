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

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Defaults and deadlines shared by a template and the sandboxes it hands out.
 *
 * @param region region of sandboxes whose spec sets none
 * @param instanceType instance type of sandboxes whose spec sets none
 * @param lifecycle lifecycle of sandboxes whose spec sets none
 * @param readyTimeout longest wait for a new sandbox to answer
 * @param execTimeout deadline of commands and transfers whose call sets none
 * @param clock clock used for lifetime arithmetic
 */
record ClientSettings(String image, String region, String instanceType, SandboxLifecycle lifecycle, LifecycleCaps lifecycleCaps,
		@Nullable SandboxOwner owner, Duration readyTimeout, Duration execTimeout, Clock clock) {

}

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

import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.executor.ExecutorClient;
import dev.sandboxes.koyeb.observation.SandboxObservations;

/**
 * Collaborators shared by a template and the sandboxes it hands out.
 *
 * @param api the control-plane client
 * @param executor the executor client
 * @param observations the observation of operations
 * @param settings the defaults and deadlines
 * @param listener told of creations, uses and deletions
 */
record ClientContext(KoyebApi api, ExecutorClient executor, SandboxObservations observations,
		ClientSettings settings, SandboxListener listener) {

}

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

/**
 * A read-only snapshot of a service (a sandbox), for tests and diagnostics.
 *
 * @param id the service id, which is the sandbox id
 * @param appId the id of its app
 * @param name the service name
 * @param status the service status as on the wire, for example {@code HEALTHY} or {@code DELETED}
 * @param deploymentId the id of its latest deployment
 * @param deploymentStatus the status of its latest deployment, for example {@code SLEEPING}
 * @param routingKey the routing key of its latest deployment
 * @param deleteAfterCreate its {@code life_cycle.delete_after_create} in seconds, 0 when off
 * @param deleteAfterSleep its {@code life_cycle.delete_after_sleep} in seconds, 0 when off
 * @since 0.1.0
 */
public record ServiceView(String id, String appId, String name, String status, String deploymentId,
		String deploymentStatus, String routingKey, long deleteAfterCreate, long deleteAfterSleep) {
}

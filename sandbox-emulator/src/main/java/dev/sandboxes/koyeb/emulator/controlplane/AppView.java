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
 * A read-only snapshot of an app, for tests and diagnostics.
 *
 * @param id the app id
 * @param name the app name
 * @param status the status as on the wire, for example {@code HEALTHY} or {@code DELETED}
 * @param deleteWhenEmpty whether the app is deleted with its last service
 * @since 0.1.0
 */
public record AppView(String id, String name, String status, boolean deleteWhenEmpty) {
}

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


package dev.sandboxes.koyeb.sample.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the page or an API caller asks for when creating a sandbox. Every field is optional; the
 * client checks each (names, Koyeb's limits such as 60 s to 24 h for {@code lifetime}), and a
 * refused value is answered with a 400 naming the field.
 *
 * @param image the Docker image, or {@code null} for the application's default
 * @param name the sandbox name, or {@code null} for a generated one
 * @param lifetime how long after creation the sandbox is deleted, or {@code null} for the
 * application's default
 * @param idleTimeout how long without use before the sandbox sleeps, or {@code null} for the
 * client's default
 * @since 0.1.0
 */
public record CreateSandboxRequest(@Nullable String image, @Nullable String name, @Nullable Duration lifetime,
		@Nullable Duration idleTimeout) {

}

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
import java.time.Instant;

import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandbox;
import org.jspecify.annotations.Nullable;

/**
 * A sandbox as the page shows it. Durations are in whole seconds so that the page can count
 * them down.
 *
 * @param id the sandbox id
 * @param name the sandbox name, starting with the application's owner tag
 * @param status the Koyeb service status, such as {@code HEALTHY} or {@code SLEEPING}
 * @param createdAt when the sandbox was created, if known
 * @param ageSeconds how long ago it was created, if known
 * @param remainingLifetimeSeconds how long until it is deleted, or {@code null} if it has no
 * deletion delay
 * @param idleSeconds how long this instance has not used it, or {@code null} if it never did
 * @since 0.1.0
 */
public record SandboxView(String id, String name, String status, @Nullable Instant createdAt,
		@Nullable Long ageSeconds, @Nullable Long remainingLifetimeSeconds, @Nullable Long idleSeconds) {

	static SandboxView of(OwnedSandbox sandbox) {
		return new SandboxView(sandbox.id(), sandbox.name(), sandbox.status(), sandbox.createdAt(),
				seconds(sandbox.age()), seconds(sandbox.remainingLifetime()), seconds(sandbox.idle()));
	}

	private static @Nullable Long seconds(@Nullable Duration duration) {
		return (duration != null) ? duration.toSeconds() : null;
	}

}

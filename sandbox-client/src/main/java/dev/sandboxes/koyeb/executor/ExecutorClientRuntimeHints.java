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


package dev.sandboxes.koyeb.executor;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the JSON that {@link ExecutorClient} sends and reads, request and
 * reply bodies and the data of server-sent events: Jackson binds them by reflection, which
 * an ahead-of-time compiled (native) application allows only for the types it is told
 * about.
 */
final class ExecutorClientRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), RunRequest.class,
				ExecutorWire.PathBody.class, ExecutorWire.WriteFileBody.class, ExecutorWire.PortBody.class,
				ExecutorWire.ProcessIdBody.class, ExecutorWire.HealthReply.class, ExecutorWire.RunReply.class,
				ExecutorWire.Reply.class, ExecutorWire.ProcessListReply.class, ExecutorWire.LineData.class,
				ExecutorWire.CompleteData.class);
	}

}

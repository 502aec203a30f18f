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

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the JSON bodies that {@link KoyebApi} sends and reads: Jackson binds
 * them by reflection, which an ahead-of-time compiled (native) application allows only for
 * the types it is told about. The bodies named here are the roots: the records they contain
 * are registered with them.
 */
final class KoyebApiRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), CreateApp.class,
				CreateService.class, UpdateService.class, KoyebApi.AppReply.class, KoyebApi.AppListReply.class,
				KoyebApi.ServiceReply.class, KoyebApi.DeploymentReply.class, ServicePage.class);
	}

}

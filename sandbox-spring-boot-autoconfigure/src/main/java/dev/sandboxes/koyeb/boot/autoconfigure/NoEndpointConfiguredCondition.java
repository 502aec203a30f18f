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

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no endpoint is configured: no Koyeb API token (neither the property nor the
 * environment variable) and no base URL.
 */
class NoEndpointConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		Binder binder = Binder.get(environment);
		String token = binder.bind(SandboxProperties.PREFIX + ".api-token", String.class).orElse(null);
		if (PropertiesSandboxConnectionDetails.apiToken(token, environment) != null) {
			return ConditionOutcome.noMatch("a Koyeb API token is configured");
		}
		if (binder.bind(SandboxProperties.PREFIX + ".base-url", String.class).isBound()) {
			return ConditionOutcome.noMatch(SandboxProperties.PREFIX + ".base-url is configured");
		}
		return ConditionOutcome.match("neither a Koyeb API token nor a base URL is configured");
	}

}

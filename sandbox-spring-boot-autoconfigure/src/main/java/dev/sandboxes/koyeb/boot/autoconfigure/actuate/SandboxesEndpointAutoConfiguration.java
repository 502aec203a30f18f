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
package dev.sandboxes.koyeb.boot.autoconfigure.actuate;

import dev.sandboxes.koyeb.SandboxTemplate;
import dev.sandboxes.koyeb.boot.autoconfigure.OwnedSandboxes;
import dev.sandboxes.koyeb.boot.autoconfigure.SandboxAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link SandboxesEndpoint}, and
 * for its {@link SandboxesEndpointWebExtension} when it is exposed over HTTP.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SandboxAutoConfiguration.class)
@ConditionalOnClass({ SandboxTemplate.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(OwnedSandboxes.class)
@ConditionalOnAvailableEndpoint(SandboxesEndpoint.class)
public final class SandboxesEndpointAutoConfiguration {
	/**
	 * Create the auto-configuration.
	 */
	public SandboxesEndpointAutoConfiguration() {
	}


	@Bean
	@ConditionalOnMissingBean
	SandboxesEndpoint sandboxesEndpoint(OwnedSandboxes sandboxes) {
		return new SandboxesEndpoint(sandboxes);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(SandboxesEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	SandboxesEndpointWebExtension sandboxesEndpointWebExtension(SandboxesEndpoint sandboxesEndpoint) {
		return new SandboxesEndpointWebExtension(sandboxesEndpoint);
	}

}

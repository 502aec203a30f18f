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


package dev.sandboxes.koyeb.reliability;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the executor secret of a sandbox back from the control plane, as anyone holding the API
 * token can: from its deployment's definition, variable {@code SANDBOX_SECRET}.
 */
final class SandboxSecrets {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SandboxSecrets() {
	}

	/**
	 * The secret of a sandbox.
	 * @param baseUrl the control plane
	 * @param apiToken its API token
	 * @param sandboxId the sandbox
	 * @return the secret
	 */
	static String of(String baseUrl, String apiToken, String sandboxId) {
		String deploymentId = get(baseUrl, apiToken, "/v1/services/" + sandboxId).at("/service/latest_deployment_id")
			.asString();
		for (JsonNode env : get(baseUrl, apiToken, "/v1/deployments/" + deploymentId).at("/deployment/definition/env")) {
			if (env.path("key").asString("").equals("SANDBOX_SECRET")) {
				return env.path("value").asString();
			}
		}
		throw new IllegalStateException("Sandbox " + sandboxId + " has no SANDBOX_SECRET");
	}

	private static JsonNode get(String baseUrl, String apiToken, String path) {
		return JSON.readTree(TestHttp.send(TestHttp.request(baseUrl + path).header("Authorization", "Bearer " + apiToken))
			.body());
	}

}

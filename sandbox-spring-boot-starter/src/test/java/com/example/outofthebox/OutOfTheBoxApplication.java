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
package com.example.outofthebox;

import dev.sandboxes.koyeb.SandboxOperations;
import dev.sandboxes.koyeb.SandboxSpec;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/**
 * What a new user writes: an application and a service injecting
 * {@link SandboxOperations}, with no configuration.
 */
@SpringBootApplication
class OutOfTheBoxApplication {

	@Service
	static class CodeRunner {

		private final SandboxOperations sandboxes;

		CodeRunner(SandboxOperations sandboxes) {
			this.sandboxes = sandboxes;
		}

		String runShell(String script) {
			return this.sandboxes.execute(SandboxSpec.builder().build(), (sandbox) -> {
				sandbox.files().write("/tmp/main.sh", script);
				return sandbox.exec("sh /tmp/main.sh").stdout();
			});
		}

	}

}

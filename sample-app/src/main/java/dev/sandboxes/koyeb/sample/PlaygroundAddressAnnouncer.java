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


package dev.sandboxes.koyeb.sample;

import dev.sandboxes.koyeb.boot.autoconfigure.SandboxConnectionDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints the playground's address once the application is ready to serve, and where its
 * sandboxes run.
 */
@Component
class PlaygroundAddressAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(PlaygroundAddressAnnouncer.class);

	private final SandboxConnectionDetails connectionDetails;

	PlaygroundAddressAnnouncer(SandboxConnectionDetails connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		if (port == null) {
			return;
		}
		String where = this.connectionDetails.isEmulator() ? "the embedded emulator" : "Koyeb";
		logger.info("Sandbox Playground is ready: open http://localhost:{}/ (sandboxes run on {})", port, where);
	}

}

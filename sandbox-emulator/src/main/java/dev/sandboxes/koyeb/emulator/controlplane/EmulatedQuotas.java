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

import java.util.List;

/**
 * The limits of the emulated organization: what requests are validated against and what the
 * quotas endpoint reports. The values are those Koyeb documents for sandboxes on paid plans.
 */
final class EmulatedQuotas {

	static final long DELETE_AFTER_CREATE_MIN = 60;

	static final long DELETE_AFTER_CREATE_MAX = 86_400;

	static final long DELETE_AFTER_SLEEP_MIN = 60;

	static final long DELETE_AFTER_SLEEP_MAX = 43_200;

	static final long DEEP_SLEEP_IDLE_DELAY_MIN = 300;

	static final long DEEP_SLEEP_IDLE_DELAY_MAX = 7_200;

	/**
	 * The port the sandbox executor listens on, which every sandbox must publish.
	 */
	static final long EXECUTOR_PORT = 3030;

	/**
	 * How many apps, services and instances of each type the organization may have, as reported;
	 * the emulator does not enforce it.
	 */
	static final long RESOURCE_COUNT = 100;

	static final List<String> REGIONS = List.of("na", "eu", "ap", "was", "fra", "par", "sfo", "sin", "tyo");

	static final List<String> INSTANCE_TYPES = List.of("nano", "micro", "small", "medium", "large", "xlarge",
			"2xlarge", "3xlarge", "4xlarge", "5xlarge");

	private EmulatedQuotas() {
	}

}

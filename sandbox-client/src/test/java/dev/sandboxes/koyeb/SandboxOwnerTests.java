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
package dev.sandboxes.koyeb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SandboxOwner}.
 */
class SandboxOwnerTests {

	@Test
	void ownerIsReducedToASlugWithSingleDashes() {
		assertThat(SandboxOwner.of("Sandbox Playground").tag()).isEqualTo("sandbox-playground");
		assertThat(SandboxOwner.of("--Orders__API--v2--").tag()).isEqualTo("orders-api-v2");
	}

	@Test
	void longOwnerKeepsItsStartAndAChecksumOfTheWhole() {
		SandboxOwner first = SandboxOwner.of("payments-reconciliation-worker-eu");
		SandboxOwner second = SandboxOwner.of("payments-reconciliation-worker-us");
		assertThat(first.tag()).hasSizeLessThanOrEqualTo(SandboxOwner.TAG_MAX_LENGTH).startsWith("payments-reco");
		assertThat(first.tag()).matches("[a-z0-9]+(-[a-z0-9]+)*");
		assertThat(first).isNotEqualTo(second);
		assertThat(SandboxOwner.of("payments-reconciliation-worker-eu")).isEqualTo(first);
	}

	@Test
	void ownerWithoutLetterOrDigitIsRejected() {
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> SandboxOwner.of("__--"))
			.withMessage("Invalid owner '__--': must contain at least one letter or digit");
		assertThatExceptionOfType(InvalidSandboxSpecException.class).isThrownBy(() -> SandboxOwner.of(" "))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("owner"));
	}

	@Test
	void sandboxNamesCarryTheTagAndOnlyTheOwnerClaimsThem() {
		SandboxOwner app = SandboxOwner.of("app");
		SandboxOwner staging = SandboxOwner.of("app-staging");
		String name = app.sandboxName("build-42");
		assertThat(name).isEqualTo("app--build-42");
		assertThat(app.owns(name)).isTrue();
		assertThat(staging.owns(name)).isFalse();
		assertThat(app.owns(staging.sandboxName("build-42"))).isFalse();
		assertThat(app.owns("app--")).isFalse();
		assertThat(app.owns("application--x")).isFalse();
		assertThat(app.owns((String) null)).isFalse();
	}

	@Test
	void nameTooLongWithTheTagSaysHowLongItMayBe() {
		SandboxOwner owner = SandboxOwner.of("orders");
		assertThatExceptionOfType(InvalidSandboxSpecException.class)
			.isThrownBy(() -> owner.sandboxName("n".repeat(56)))
			.withMessageContaining("Invalid name '" + "n".repeat(56) + "': must be at most 55 characters")
			.withMessageContaining("'orders--<name>'");
		assertThat(owner.sandboxName("n".repeat(55))).hasSize(SandboxLimits.NAME_MAX_LENGTH);
	}

}

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


package dev.sandboxes.koyeb.emulator.runtime;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fixture's temporary directory exists only while its test class runs: a run interrupted
 * before the class starts (or while test classes load) leaves nothing behind.
 */
class RuntimeFixtureTests {

	@Test
	void temporaryDirectoryExistsOnlyFromBeforeTheTestClassToAfterIt() throws IOException {
		RuntimeFixture fixture = RuntimeFixture.inTemporaryDirectory();
		assertThatIllegalStateException().isThrownBy(() -> fixture.baseDirectory(RuntimeMode.PLAIN));
		fixture.beforeAll(null);
		Path base = fixture.baseDirectory(RuntimeMode.PLAIN);
		assertThat(base).isDirectory().hasFileName("plain");
		assertThat(base.getParent().getFileName().toString()).startsWith("koyeb-runtime-tests-");
		fixture.afterAll(null);
		assertThat(base.getParent()).doesNotExist();
	}

}

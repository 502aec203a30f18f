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


package dev.sandboxes.koyeb.emulator.executor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OffEventLoop}.
 */
class OffEventLoopTests {

	@Test
	void workCalledFromAServersEventLoopRunsOnABoundedElasticThread() throws Exception {
		LoopResources loops = LoopResources.create("off-event-loop-test", 1, true);
		try {
			CompletableFuture<String> ranOn = new CompletableFuture<>();
			loops.onServer(false).next().execute(() -> OffEventLoop.call(() -> Thread.currentThread().getName())
				.subscribe(ranOn::complete, ranOn::completeExceptionally));
			assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("boundedElastic-");
		}
		finally {
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
		}
	}

	@Test
	void workCalledFromAThreadThatMayBlockRunsThereAtOnce() {
		String caller = Thread.currentThread().getName();
		assertThat(OffEventLoop.call(() -> Thread.currentThread().getName()).block()).isEqualTo(caller);
	}

}

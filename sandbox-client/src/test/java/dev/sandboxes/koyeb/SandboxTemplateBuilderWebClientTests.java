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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of when {@link SandboxTemplateBuilder} gets and builds the WebClient that sends
 * the requests.
 */
class SandboxTemplateBuilderWebClientTests {

	private FakeKoyeb koyeb;

	@BeforeEach
	void startKoyeb() throws Exception {
		this.koyeb = new FakeKoyeb();
	}

	@AfterEach
	void stopKoyeb() throws Exception {
		this.koyeb.close();
	}

	@Test
	void suppliedBuilderIsAskedForOnceWhenTheFirstRequestIsSent() {
		AtomicInteger asked = new AtomicInteger();
		List<String> filtered = new CopyOnWriteArrayList<>();
		SandboxTemplate template = this.koyeb.templateBuilder().webClientBuilder(() -> {
			asked.incrementAndGet();
			return WebClient.builder().filter((request, next) -> {
				filtered.add(request.method() + " " + request.url().getPath());
				return next.exchange(request);
			});
		}).build();
		assertThat(asked).hasValue(0);
		template.delete(FakeKoyeb.SERVICE_ID);
		template.delete(FakeKoyeb.SERVICE_ID);
		assertThat(asked).hasValue(1);
		assertThat(filtered).containsExactly("DELETE /v1/services/" + FakeKoyeb.SERVICE_ID,
				"DELETE /v1/services/" + FakeKoyeb.SERVICE_ID);
	}

	@Test
	void supplierGivingNoBuilderUsesTheDefaultConnector() {
		SandboxTemplate template = this.koyeb.templateBuilder().webClientBuilder(() -> null).build();
		template.delete(FakeKoyeb.SERVICE_ID);
		assertThat(this.koyeb.requestLines()).containsExactly("DELETE /v1/services/" + FakeKoyeb.SERVICE_ID);
	}

	@Test
	void givenBuilderIsCopiedWhenTheTemplateIsBuiltSoLaterChangesDoNotApply() {
		List<String> filtered = new CopyOnWriteArrayList<>();
		WebClient.Builder given = WebClient.builder();
		SandboxTemplate template = this.koyeb.templateBuilder().webClientBuilder(given).build();
		given.filter((request, next) -> {
			filtered.add(request.method() + " " + request.url().getPath());
			return next.exchange(request);
		});
		template.delete(FakeKoyeb.SERVICE_ID);
		assertThat(this.koyeb.requestLines()).containsExactly("DELETE /v1/services/" + FakeKoyeb.SERVICE_ID);
		assertThat(filtered).isEmpty();
	}

}

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

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BrokenOffAnswers} where there is no connection to cut.
 */
class BrokenOffAnswersTests {

	@Test
	void answerWithoutAConnectionToCutFailsInsteadOfNeverEnding() {
		ServerHttpResponse decorated = new ServerHttpResponseDecorator(new ResponseWithoutConnection());
		StepVerifier.create(BrokenOffAnswers.breakOff(decorated, Duration.ZERO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("Cannot break off the answer: no connection under "))
			.verify(Duration.ofSeconds(10));
	}

	/**
	 * A response written to something other than a Reactor Netty connection.
	 */
	private static final class ResponseWithoutConnection extends MockServerHttpResponse {

		@Override
		@SuppressWarnings({ "unchecked", "TypeParameterUnusedInFormals" })
		public <T> T getNativeResponse() {
			return (T) "not a connection";
		}

	}

}

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

package dev.sandboxes.koyeb.ai;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How the sandbox tools run a model's calls.
 *
 * @param callTimeout the longest a command or code run may take before it is stopped, at
 * least one second, in whole seconds
 * @param outputLimit the most characters of each of standard output, standard error and a
 * file's content returned to the model; past it, the beginning and the end are kept around
 * a marker saying how many characters were cut
 * @param defaultConversationId the conversation of calls whose tool context names none, so
 * that they share one sandbox; {@code null} to refuse such calls with an error the model
 * is given
 * @since 0.1.0
 */
public record SandboxToolOptions(Duration callTimeout, int outputLimit, @Nullable String defaultConversationId) {

	/**
	 * Smallest output limit: enough for an error message and the marker of cut output.
	 */
	public static final int MIN_OUTPUT_LIMIT = 200;

	/**
	 * Create options, checking every value.
	 * @param callTimeout see {@link #callTimeout()}
	 * @param outputLimit see {@link #outputLimit()}
	 * @param defaultConversationId see {@link #defaultConversationId()}
	 */
	public SandboxToolOptions {
		Assert.isTrue(callTimeout.compareTo(Duration.ofSeconds(1)) >= 0 && callTimeout.toNanosPart() == 0,
				() -> "'callTimeout' must be whole seconds, at least 1 s, not " + callTimeout);
		Assert.isTrue(outputLimit >= MIN_OUTPUT_LIMIT,
				() -> "'outputLimit' must be at least " + MIN_OUTPUT_LIMIT + ", not " + outputLimit);
		Assert.isTrue(defaultConversationId == null || !defaultConversationId.isBlank(),
				"'defaultConversationId' must not be blank; leave it null to refuse calls without a conversation");
	}

}

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

import java.util.List;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/**
 * The sandbox tools, for a {@code ChatClient}'s {@code tools(...)} or
 * {@code defaultTools(...)}: {@value RunCommandTool#NAME}, {@value RunCodeTool#NAME},
 * {@value WriteFileTool#NAME}, {@value ReadFileTool#NAME} and
 * {@value ListDirectoryTool#NAME}. Each call runs in the sandbox of its conversation, named
 * in the tool context under {@link ChatMemory#CONVERSATION_ID}; a call whose context names
 * none uses the {@link SandboxToolOptions#defaultConversationId() default conversation},
 * or, without one, is refused with an error the model is given. Invalid arguments and
 * failures are returned to the model as results starting with {@code Error:}, never
 * thrown.
 *
 * @since 0.1.0
 */
public final class SandboxToolCallbackProvider implements ToolCallbackProvider {

	private final List<ToolCallback> toolCallbacks;

	/**
	 * Create the tools.
	 * @param sessions the sandboxes of the conversations
	 * @param options how calls run
	 */
	public SandboxToolCallbackProvider(SandboxToolSessions sessions, SandboxToolOptions options) {
		this.toolCallbacks = List.of(new RunCommandTool(sessions, options), new RunCodeTool(sessions, options),
				new WriteFileTool(sessions, options), new ReadFileTool(sessions, options),
				new ListDirectoryTool(sessions, options));
	}

	@Override
	public ToolCallback[] getToolCallbacks() {
		return this.toolCallbacks.toArray(new ToolCallback[0]);
	}

	@Override
	public String toString() {
		return "SandboxToolCallbackProvider" + this.toolCallbacks.stream()
			.map((toolCallback) -> toolCallback.getToolDefinition().name())
			.toList();
	}

}

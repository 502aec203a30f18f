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

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A chat model that plays a script instead of thinking: each request is answered with the
 * next message of the script, tool calls or a final text, and every request is kept so
 * that a test can read what the model was sent, such as the results of its tool calls.
 */
public final class ScriptedChatModel implements ChatModel {

	private final Deque<AssistantMessage> script;

	private final List<Prompt> requests = new CopyOnWriteArrayList<>();

	public ScriptedChatModel(AssistantMessage... script) {
		this.script = new ArrayDeque<>(Arrays.asList(script));
	}

	/**
	 * Return a reply that calls one tool.
	 */
	public static AssistantMessage callTool(String id, String name, String arguments) {
		return AssistantMessage.builder().toolCalls(List.of(new ToolCall(id, "function", name, arguments))).build();
	}

	/**
	 * Return a final reply.
	 */
	public static AssistantMessage answer(String text) {
		return AssistantMessage.builder().content(text).build();
	}

	@Override
	public synchronized ChatResponse call(Prompt prompt) {
		this.requests.add(prompt);
		AssistantMessage reply = this.script.poll();
		if (reply == null) {
			throw new IllegalStateException("The script has no reply left for request " + this.requests.size());
		}
		return new ChatResponse(List.of(new Generation(reply)));
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	/**
	 * Return what the model was told of one of its tool calls, in the request that followed
	 * it.
	 * @param toolCallId the id of the tool call
	 * @return the tool's result
	 */
	public String toolResult(String toolCallId) {
		return this.requests.stream()
			.flatMap((request) -> request.getInstructions().stream())
			.filter(ToolResponseMessage.class::isInstance)
			.flatMap((message) -> ((ToolResponseMessage) message).getResponses().stream())
			.filter((response) -> response.id().equals(toolCallId))
			.map(ToolResponse::responseData)
			.reduce((first, later) -> first)
			.orElseThrow(() -> new AssertionError("No result of tool call " + toolCallId + " was sent to the model"));
	}

	/**
	 * Return every tool result the model was sent.
	 */
	public List<String> toolResults() {
		return this.requests.stream()
			.map(Prompt::getInstructions)
			.map((messages) -> messages.get(messages.size() - 1))
			.filter(ToolResponseMessage.class::isInstance)
			.flatMap((message) -> ((ToolResponseMessage) message).getResponses().stream())
			.map(ToolResponse::responseData)
			.toList();
	}

	/**
	 * Return whether the script was played to its end.
	 */
	public boolean isFinished() {
		return this.script.isEmpty();
	}

}

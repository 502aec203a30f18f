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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.sandboxes.koyeb.InvalidSandboxSpecException;
import dev.sandboxes.koyeb.Sandbox;
import dev.sandboxes.koyeb.SandboxDirectoryNotEmptyException;
import dev.sandboxes.koyeb.SandboxException;
import dev.sandboxes.koyeb.SandboxFileAlreadyExistsException;
import dev.sandboxes.koyeb.SandboxFileException;
import dev.sandboxes.koyeb.SandboxFileNotFoundException;
import dev.sandboxes.koyeb.SandboxTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A sandbox tool: checks a call's arguments before any sandbox is touched, finds the
 * conversation's sandbox, runs the call in it, and turns every failure into a result the
 * model can read and act on, so that a failed call never ends the conversation. Results
 * never carry sandbox ids, secrets or the API token.
 */
abstract class SandboxToolCallback implements ToolCallback {

	/**
	 * Start of every result that reports a failure.
	 */
	static final String ERROR = "Error: ";

	private static final Logger logger = LoggerFactory.getLogger(SandboxToolCallback.class);

	private final ToolDefinition definition;

	private final ToolParameters parameters;

	private final SandboxToolSessions sessions;

	private final SandboxToolOptions options;

	private final AtomicBoolean missingConversationLogged = new AtomicBoolean();

	SandboxToolCallback(String name, String description, ToolParameters parameters, SandboxToolSessions sessions,
			SandboxToolOptions options) {
		this.definition = ToolDefinition.builder()
			.name(name)
			.description(description)
			.inputSchema(parameters.inputSchema())
			.build();
		this.parameters = parameters;
		this.sessions = sessions;
		this.options = options;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.definition;
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		try {
			Function<Sandbox, String> work = prepare(this.parameters.parse(toolInput));
			return this.sessions.withSandbox(conversationId(toolContext), work);
		}
		catch (ToolArgumentException ex) {
			return ERROR + ex.getMessage();
		}
		catch (SandboxLostException ex) {
			return ERROR + "the sandbox of this conversation no longer exists (it was deleted, for example after "
					+ "reaching its lifetime), and its files are gone. The next call starts a new, empty sandbox.";
		}
		catch (SandboxFileNotFoundException ex) {
			return ERROR + "no such file or directory: " + ex.getPath();
		}
		catch (SandboxFileAlreadyExistsException ex) {
			return ERROR + "file exists: " + ex.getPath();
		}
		catch (SandboxDirectoryNotEmptyException ex) {
			return ERROR + "directory not empty: " + ex.getPath();
		}
		catch (SandboxFileException ex) {
			return ERROR + "cannot use " + ex.getPath() + " this way (for example a directory where a file is "
					+ "expected, or a file that is not readable text); check it with " + RunCommandTool.NAME
					+ " and 'ls -la'.";
		}
		catch (InvalidSandboxSpecException ex) {
			logger.warn("Tool {} made a request the sandbox client refused: {}", this.definition.name(),
					ex.getMessage());
			return ERROR + "the request could not be sent to the sandbox; change the arguments.";
		}
		catch (SandboxTimeoutException ex) {
			return ERROR + "the sandbox did not answer within " + ex.getTimeout().toSeconds()
					+ " s; try again, or with less data.";
		}
		catch (SandboxException ex) {
			logger.warn("Tool {} could not use the sandbox of its conversation: {}", this.definition.name(),
					ex.getMessage());
			return ERROR + "the sandbox service failed, not because of the arguments; try again later.";
		}
		catch (RuntimeException ex) {
			logger.warn("Tool {} failed", this.definition.name(), ex);
			return ERROR + "the tool failed unexpectedly (" + ex.getClass().getSimpleName() + ").";
		}
	}

	/**
	 * Check a call's arguments and return the work to run with the conversation's sandbox.
	 * @param arguments the arguments, checked against the tool's parameters
	 * @return the work, which returns the result the model is given
	 * @throws ToolArgumentException if an argument cannot be used
	 */
	abstract Function<Sandbox, String> prepare(ToolArguments arguments);

	/**
	 * Return the options the tool runs with.
	 * @return the options
	 */
	SandboxToolOptions options() {
		return this.options;
	}

	/**
	 * Turn a path given by the model into an absolute path in the sandbox.
	 * @param path the path, absolute or relative to the working directory
	 * @return the absolute path
	 */
	String absolutePath(String path) {
		if (path.startsWith("/")) {
			return path;
		}
		String relative = path.startsWith("./") ? path.substring(2) : path;
		String workingDirectory = this.sessions.workingDirectory();
		if (relative.isEmpty() || relative.equals(".")) {
			return workingDirectory;
		}
		return workingDirectory.endsWith("/") ? workingDirectory + relative : workingDirectory + "/" + relative;
	}

	/**
	 * Return the directory where commands run and relative paths start.
	 * @return the working directory
	 */
	String workingDirectory() {
		return this.sessions.workingDirectory();
	}

	private String conversationId(@Nullable ToolContext toolContext) {
		Object value = (toolContext != null) ? toolContext.getContext().get(ChatMemory.CONVERSATION_ID) : null;
		if (value != null && !value.toString().isBlank()) {
			return value.toString();
		}
		String defaultConversationId = this.options.defaultConversationId();
		if (defaultConversationId != null) {
			return defaultConversationId;
		}
		if (this.missingConversationLogged.compareAndSet(false, true)) {
			logger.warn("Sandbox tools were called without a conversation id and refused the call: pass one in "
					+ "the tool context under ChatMemory.CONVERSATION_ID ('{}'), for example with "
					+ "ChatClient's .toolContext(Map.of(ChatMemory.CONVERSATION_ID, id)), or set a default "
					+ "conversation (koyeb.sandbox.ai.default-conversation-id) for calls to share one sandbox",
					ChatMemory.CONVERSATION_ID);
		}
		throw new ToolArgumentException("the application did not say which conversation this call belongs to, "
				+ "so no sandbox can be used. This is a setup problem of the application that retrying will "
				+ "not fix; tell the user that code cannot be run here for now.");
	}

}

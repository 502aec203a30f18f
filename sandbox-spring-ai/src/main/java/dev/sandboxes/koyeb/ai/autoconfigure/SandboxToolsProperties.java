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

package dev.sandboxes.koyeb.ai.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.sandboxes.koyeb.SandboxLimits;
import dev.sandboxes.koyeb.ai.SandboxToolOptions;
import dev.sandboxes.koyeb.ai.SandboxToolSessions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the Spring AI sandbox tools, at {@code koyeb.sandbox.ai}.
 * Every value is checked at startup; a wrong one fails the start with a message that
 * names the property, the value and what is allowed.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(SandboxToolsProperties.PREFIX)
public class SandboxToolsProperties implements Validator {

	/**
	 * Prefix of every property.
	 */
	public static final String PREFIX = "koyeb.sandbox.ai";

	private static final String CODE = "invalid";

	/**
	 * Whether to provide the sandbox tools to AI models.
	 */
	private boolean enabled = true;

	/**
	 * Docker image of the conversations' sandboxes. Defaults to koyeb.sandbox.image.
	 */
	private @Nullable String image;

	/**
	 * Instance type of the conversations' sandboxes. Defaults to
	 * koyeb.sandbox.instance-type.
	 */
	private @Nullable String instanceType;

	/**
	 * Region of the conversations' sandboxes. Defaults to koyeb.sandbox.region.
	 */
	private @Nullable String region;

	/**
	 * Absolute directory created in every conversation's sandbox, where commands and code
	 * run and relative paths start.
	 */
	private String workingDirectory = "/workspace";

	/**
	 * Time without a tool call after which a conversation's sandbox is deleted, from 1s to
	 * 118m; the sandbox is told to sleep only up to 2m later, so that its files are kept
	 * meanwhile.
	 */
	private Duration idleTime = Duration.ofMinutes(10);

	/**
	 * Longest time one command or program may run before it is stopped, in whole seconds;
	 * the model is told it timed out and the sandbox stays usable.
	 */
	private Duration callTimeout = Duration.ofSeconds(60);

	/**
	 * Most characters of each of standard output, standard error and a file's content
	 * returned to the model; past it, the beginning and the end are kept around a marker
	 * saying how many characters were cut.
	 */
	private int outputLimit = 10_000;

	/**
	 * Conversation of tool calls whose tool context names none, so that they all share one
	 * sandbox, as suits an application with a single user. When unset, such calls are
	 * refused with an error the model is given.
	 */
	private @Nullable String defaultConversationId;

	/**
	 * Create properties with their defaults.
	 */
	public SandboxToolsProperties() {
	}

	/**
	 * Return {@code koyeb.sandbox.ai.enabled}: whether to provide the sandbox tools to AI models.
	 * @return the configured value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.enabled}.
	 * @param enabled whether to provide the sandbox tools to AI models
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.image}: Docker image of the conversations' sandboxes.
	 * @return the configured value
	 */
	public @Nullable String getImage() {
		return this.image;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.image}.
	 * @param image Docker image of the conversations' sandboxes
	 */
	public void setImage(@Nullable String image) {
		this.image = image;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.instance-type}: instance type of the conversations' sandboxes.
	 * @return the configured value
	 */
	public @Nullable String getInstanceType() {
		return this.instanceType;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.instance-type}.
	 * @param instanceType instance type of the conversations' sandboxes
	 */
	public void setInstanceType(@Nullable String instanceType) {
		this.instanceType = instanceType;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.region}: region of the conversations' sandboxes.
	 * @return the configured value
	 */
	public @Nullable String getRegion() {
		return this.region;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.region}.
	 * @param region region of the conversations' sandboxes
	 */
	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.working-directory}: absolute directory created in every conversation's
	 * sandbox, where commands and code run and relative paths start.
	 * @return the configured value
	 */
	public String getWorkingDirectory() {
		return this.workingDirectory;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.working-directory}.
	 * @param workingDirectory absolute directory created in every conversation's sandbox, where commands and
	 * code run and relative paths start
	 */
	public void setWorkingDirectory(String workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.idle-time}: time without a tool call after which a conversation's
	 * sandbox is deleted, from 1s to 118m; the sandbox is told to sleep only up to 2m later, so that its
	 * files are kept meanwhile.
	 * @return the configured value
	 */
	public Duration getIdleTime() {
		return this.idleTime;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.idle-time}.
	 * @param idleTime time without a tool call after which a conversation's sandbox is deleted, from 1s to
	 * 118m; the sandbox is told to sleep only up to 2m later, so that its files are kept meanwhile
	 */
	public void setIdleTime(Duration idleTime) {
		this.idleTime = idleTime;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.call-timeout}: longest time one command or program may run before it is
	 * stopped, in whole seconds; the model is told it timed out and the sandbox stays usable.
	 * @return the configured value
	 */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.call-timeout}.
	 * @param callTimeout longest time one command or program may run before it is stopped, in whole seconds;
	 * the model is told it timed out and the sandbox stays usable
	 */
	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.output-limit}: most characters of each of standard output, standard
	 * error and a file's content returned to the model; past it, the beginning and the end are kept around a
	 * marker saying how many characters were cut.
	 * @return the configured value
	 */
	public int getOutputLimit() {
		return this.outputLimit;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.output-limit}.
	 * @param outputLimit most characters of each of standard output, standard error and a file's content
	 * returned to the model; past it, the beginning and the end are kept around a marker saying how many
	 * characters were cut
	 */
	public void setOutputLimit(int outputLimit) {
		this.outputLimit = outputLimit;
	}

	/**
	 * Return {@code koyeb.sandbox.ai.default-conversation-id}: conversation of tool calls whose tool context
	 * names none, so that they all share one sandbox, as suits an application with a single user.
	 * @return the configured value
	 */
	public @Nullable String getDefaultConversationId() {
		return this.defaultConversationId;
	}

	/**
	 * Set {@code koyeb.sandbox.ai.default-conversation-id}.
	 * @param defaultConversationId conversation of tool calls whose tool context names none, so that they all
	 * share one sandbox, as suits an application with a single user
	 */
	public void setDefaultConversationId(@Nullable String defaultConversationId) {
		this.defaultConversationId = defaultConversationId;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SandboxToolsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		SandboxToolsProperties properties = (SandboxToolsProperties) target;
		if (!properties.getWorkingDirectory().startsWith("/")) {
			reject(errors, "working-directory", properties.getWorkingDirectory(),
					"must be an absolute path, such as /workspace");
		}
		Duration idleTime = properties.getIdleTime();
		if (idleTime.compareTo(Duration.ofSeconds(1)) < 0
				|| idleTime.compareTo(SandboxToolSessions.MAX_IDLE_TIME) > 0) {
			reject(errors, "idle-time", describe(idleTime),
					"must be from 1s to " + describe(SandboxToolSessions.MAX_IDLE_TIME) + ": the sandbox stays awake "
							+ "without use for up to 2m more, and at most " + describe(SandboxLimits.IDLE_TIMEOUT_MAX));
		}
		Duration callTimeout = properties.getCallTimeout();
		if (callTimeout.compareTo(Duration.ofSeconds(1)) < 0 || callTimeout.toNanosPart() != 0) {
			reject(errors, "call-timeout", describe(callTimeout), "must be whole seconds, at least 1s");
		}
		if (properties.getOutputLimit() < SandboxToolOptions.MIN_OUTPUT_LIMIT) {
			reject(errors, "output-limit", properties.getOutputLimit(),
					"must be at least " + SandboxToolOptions.MIN_OUTPUT_LIMIT + " characters");
		}
		String defaultConversationId = properties.getDefaultConversationId();
		if (defaultConversationId != null && defaultConversationId.isBlank()) {
			reject(errors, "default-conversation-id", defaultConversationId,
					"must not be blank; leave it unset to refuse tool calls without a conversation");
		}
	}

	/**
	 * Describe a duration as it is written in properties, in its largest exact unit.
	 */
	private static String describe(Duration duration) {
		for (ChronoUnit unit : List.of(ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
			if (!duration.isZero() && duration.toNanos() % unit.getDuration().toNanos() == 0) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return DurationStyle.SIMPLE.print(duration, duration.isZero() ? ChronoUnit.SECONDS : ChronoUnit.MILLIS);
	}

	private static void reject(Errors errors, String field, Object value, String allowed) {
		errors.rejectValue(field, CODE, "'" + value + "' is not allowed: " + allowed);
	}

}

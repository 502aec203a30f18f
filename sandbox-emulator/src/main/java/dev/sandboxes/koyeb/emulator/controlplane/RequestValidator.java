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


package dev.sandboxes.koyeb.emulator.controlplane;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.util.MultiValueMap;

/**
 * Validates request bodies and queries against the rules of Koyeb's API for sandboxes, naming the
 * JSON path of every invalid field. Checks that need the stored state (an app exists, a name is
 * free) are made where the state is changed.
 */
final class RequestValidator {

	private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([-.a-z0-9]*[a-z0-9])?");

	private static final int APP_NAME_MIN_LENGTH = 3;

	private static final int APP_NAME_MAX_LENGTH = 64;

	private static final Pattern SERVICE_NAME = Pattern.compile("[-.a-z0-9]*");

	private static final int SERVICE_NAME_MIN_LENGTH = 2;

	private static final int SERVICE_NAME_MAX_LENGTH = 63;

	private static final String SANDBOX_TYPE = "SANDBOX";

	private static final long MAX_PORT = 65_535;

	private static final int DEFAULT_PAGE_SIZE = 20;

	private static final int MAX_PAGE_SIZE = 100;

	AppRequest createApp(JsonNode body) {
		Violations violations = new Violations();
		String name = WireValues.text(body.path("name"));
		if (name.isEmpty()) {
			violations.add("name", "is required");
		}
		else if (name.length() < APP_NAME_MIN_LENGTH || name.length() > APP_NAME_MAX_LENGTH
				|| !APP_NAME.matcher(name).matches()) {
			violations.add("name", "must be 3 to 64 characters: lowercase letters, digits, dashes and dots, "
					+ "starting and ending with a letter or a digit, not '" + name + "'");
		}
		JsonNode deleteWhenEmpty = body.path("life_cycle").path("delete_when_empty");
		if (WireValues.isPresent(deleteWhenEmpty) && !deleteWhenEmpty.isBoolean()) {
			violations.add("life_cycle.delete_when_empty", "must be a boolean");
		}
		violations.throwIfAny();
		return new AppRequest(name, deleteWhenEmpty.isBoolean() && deleteWhenEmpty.booleanValue());
	}

	ServiceRequest createService(JsonNode body, Violations violations) {
		String appId = WireValues.text(body.path("app_id"));
		if (appId.isBlank()) {
			violations.add("app_id", "is required");
		}
		DeploymentSpec spec = definition(body.path("definition"), violations);
		return new ServiceRequest(appId, spec, lifeCycle(body.path("life_cycle"), violations));
	}

	ServiceUpdate updateService(JsonNode body, Violations violations) {
		JsonNode definition = body.path("definition");
		DeploymentSpec spec = WireValues.isPresent(definition) ? definition(definition, violations) : null;
		return new ServiceUpdate(spec, lifeCycle(body.path("life_cycle"), violations));
	}

	ServiceListQuery listQuery(MultiValueMap<String, String> params) {
		Violations violations = new Violations();
		int pageSize = pageSize(params, violations);
		long offset = nonNegative(params.getFirst("offset"), "offset", violations);
		violations.throwIfAny();
		return new ServiceListQuery(values(params, "types"), params.getFirst("name"), params.getFirst("app_id"),
				values(params, "statuses"), values(params, "regions"), pageSize, offset);
	}

	AppListQuery appListQuery(MultiValueMap<String, String> params) {
		Violations violations = new Violations();
		int pageSize = pageSize(params, violations);
		long offset = nonNegative(params.getFirst("offset"), "offset", violations);
		violations.throwIfAny();
		return new AppListQuery(params.getFirst("name"), pageSize, offset);
	}

	private static int pageSize(MultiValueMap<String, String> params, Violations violations) {
		long limit = nonNegative(params.getFirst("limit"), "limit", violations);
		return (limit == 0) ? DEFAULT_PAGE_SIZE : (int) Math.min(limit, MAX_PAGE_SIZE);
	}

	private static List<String> values(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return (values != null) ? List.copyOf(values) : List.of();
	}

	private static long nonNegative(@Nullable String value, String field, Violations violations) {
		if (value == null || value.isEmpty()) {
			return 0;
		}
		try {
			long parsed = Long.parseLong(value);
			if (parsed >= 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		violations.add(field, "must be a non-negative integer");
		return 0;
	}

	private static LifeCyclePatch lifeCycle(JsonNode lifeCycle, Violations violations) {
		if (WireValues.isPresent(lifeCycle) && !lifeCycle.isObject()) {
			violations.add("life_cycle", "must be an object");
			return new LifeCyclePatch(null, null);
		}
		return new LifeCyclePatch(
				seconds(lifeCycle.path("delete_after_create"), "life_cycle.delete_after_create",
						EmulatedQuotas.DELETE_AFTER_CREATE_MIN, EmulatedQuotas.DELETE_AFTER_CREATE_MAX, violations),
				seconds(lifeCycle.path("delete_after_sleep"), "life_cycle.delete_after_sleep",
						EmulatedQuotas.DELETE_AFTER_SLEEP_MIN, EmulatedQuotas.DELETE_AFTER_SLEEP_MAX, violations));
	}

	private static @Nullable Long seconds(JsonNode node, String field, long min, long max, Violations violations) {
		if (!WireValues.isPresent(node)) {
			return null;
		}
		Long value = WireValues.int64(node);
		if (value == null) {
			violations.add(field, "must be an integer number of seconds");
			return null;
		}
		if (value != 0 && (value < min || value > max)) {
			violations.add(field, "must be 0 (off) or from " + min + " to " + max + " seconds, not " + value);
			return null;
		}
		return value;
	}

	private static DeploymentSpec definition(JsonNode received, Violations violations) {
		JsonNode json = WireValues.withoutNulls(received);
		if (!json.isObject()) {
			violations.add("definition", "is required");
			return new DeploymentSpec(JsonNodeFactory.instance.objectNode(), "", "", "", "", Map.of(), null, Map.of());
		}
		String name = serviceName(json.path("name"), violations);
		if (!SANDBOX_TYPE.equals(WireValues.text(json.path("type")))) {
			violations.add("definition.type", "must be SANDBOX: the emulator runs sandbox services only");
		}
		String image = WireValues.text(json.path("docker").path("image"));
		if (image.isBlank()) {
			violations.add("definition.docker.image", "is required");
		}
		Map<String, String> env = env(json.path("env"), violations);
		checkPorts(json.path("ports"), violations);
		String instanceType = instanceType(json.path("instance_types"), violations);
		String region = region(json.path("regions"), violations);
		Duration idleTimeout = idleTimeout(json.path("scalings"), violations);
		Map<String, String> configFiles = configFiles(json.path("config_files"), violations);
		return new DeploymentSpec(json, name, image, instanceType, region, env, idleTimeout, configFiles);
	}

	private static String serviceName(JsonNode node, Violations violations) {
		String name = WireValues.text(node);
		if (name.isEmpty()) {
			violations.add("definition.name", "is required");
		}
		else if (name.length() < SERVICE_NAME_MIN_LENGTH || name.length() > SERVICE_NAME_MAX_LENGTH
				|| !SERVICE_NAME.matcher(name).matches()) {
			violations.add("definition.name",
					"must be 2 to 63 characters: lowercase letters, digits, dashes and dots, not '" + name + "'");
		}
		return name;
	}

	private static Map<String, String> env(JsonNode env, Violations violations) {
		Map<String, String> values = new HashMap<>();
		if (!WireValues.isPresent(env)) {
			return values;
		}
		if (!env.isArray()) {
			violations.add("definition.env", "must be a list of key and value pairs");
			return values;
		}
		for (int i = 0; i < env.size(); i++) {
			JsonNode variable = env.path(i);
			String key = WireValues.text(variable.path("key"));
			if (key.isBlank()) {
				violations.add("definition.env[" + i + "].key", "is required");
			}
			else if (key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
				violations.add("definition.env[" + i + "].key", "must not contain '=' or NUL, was '"
						+ key.replace("\0", "\\0") + "'");
			}
			else if (variable.path("value").isString() && variable.path("value").stringValue().indexOf('\0') >= 0) {
				violations.add("definition.env[" + i + "].value", "must not contain NUL");
			}
			else if (variable.path("value").isString()) {
				values.put(key, variable.path("value").stringValue());
			}
			else if (WireValues.isPresent(variable.path("secret"))) {
				violations.add("definition.env[" + i + "].secret",
						"is not emulated: the emulator has no Koyeb secrets, give the variable a value");
			}
			else if (WireValues.isPresent(variable.path("value"))) {
				violations.add("definition.env[" + i + "].value", "must be a string, not " + variable.path("value"));
			}
		}
		return values;
	}

	private static Map<String, String> configFiles(JsonNode files, Violations violations) {
		Map<String, String> contents = new HashMap<>();
		if (!WireValues.isPresent(files)) {
			return contents;
		}
		if (!files.isArray()) {
			violations.add("definition.config_files", "must be a list of files with a path and a content");
			return contents;
		}
		for (int i = 0; i < files.size(); i++) {
			String path = WireValues.text(files.path(i).path("path"));
			if (!path.startsWith("/") || path.endsWith("/")) {
				violations.add("definition.config_files[" + i + "].path", "must be the absolute path of a file");
			}
			else {
				contents.put(path, WireValues.text(files.path(i).path("content")));
			}
		}
		return contents;
	}

	private static void checkPorts(JsonNode ports, Violations violations) {
		boolean executorPort = false;
		for (int i = 0; ports.isArray() && i < ports.size(); i++) {
			Long port = WireValues.int64(ports.path(i).path("port"));
			if (port == null || port < 1 || port > MAX_PORT) {
				violations.add("definition.ports[" + i + "].port", "must be a port number from 1 to 65535");
			}
			else if (port == EmulatedQuotas.EXECUTOR_PORT) {
				executorPort = true;
			}
		}
		if (!executorPort) {
			violations.add("definition.ports", "must include port 3030, where the sandbox executor listens");
		}
	}

	private static String instanceType(JsonNode instanceTypes, Violations violations) {
		if (!instanceTypes.isArray() || instanceTypes.size() != 1) {
			violations.add("definition.instance_types", "must name exactly one instance type");
			return "";
		}
		String type = WireValues.text(instanceTypes.path(0).path("type"));
		if (!EmulatedQuotas.INSTANCE_TYPES.contains(type)) {
			violations.add("definition.instance_types[0].type",
					"must be one of " + String.join(", ", EmulatedQuotas.INSTANCE_TYPES) + ", not '" + type + "'");
		}
		return type;
	}

	private static String region(JsonNode regions, Violations violations) {
		String region = (regions.isArray() && regions.size() == 1) ? WireValues.text(regions.path(0)) : "";
		if (!EmulatedQuotas.REGIONS.contains(region)) {
			violations.add("definition.regions", "must name exactly one region among "
					+ String.join(", ", EmulatedQuotas.REGIONS) + ", not " + regions);
		}
		return region;
	}

	private static @Nullable Duration idleTimeout(JsonNode scalings, Violations violations) {
		if (!scalings.isArray() || scalings.size() != 1) {
			violations.add("definition.scalings", "must have exactly one scaling");
			return null;
		}
		JsonNode scaling = scalings.path(0);
		Long min = scalingBound(scaling.path("min"));
		Long max = scalingBound(scaling.path("max"));
		if (min == null || (min != 0 && min != 1)) {
			violations.add("definition.scalings[0].min",
					"must be 0 (scale to zero when idle) or 1 (always on), not " + scaling.path("min"));
		}
		if (max == null || max != 1) {
			violations.add("definition.scalings[0].max",
					"must be 1: a sandbox has one instance, not " + scaling.path("max"));
		}
		return (min != null && min == 0) ? deepSleepDelay(scaling.path("targets"), violations) : null;
	}

	private static @Nullable Long scalingBound(JsonNode node) {
		return WireValues.isPresent(node) ? WireValues.int64(node) : Long.valueOf(0);
	}

	private static @Nullable Duration deepSleepDelay(JsonNode targets, Violations violations) {
		for (int i = 0; targets.isArray() && i < targets.size(); i++) {
			JsonNode delay = targets.path(i).path("sleep_idle_delay");
			if (delay.isObject()) {
				return deepSleepDelay(delay, "definition.scalings[0].targets[" + i + "].sleep_idle_delay",
						violations);
			}
		}
		violations.add("definition.scalings[0].targets", "must include a sleep_idle_delay target when min is 0");
		return null;
	}

	private static @Nullable Duration deepSleepDelay(JsonNode delay, String path, Violations violations) {
		Long light = WireValues.int64(delay.path("light_sleep_value"));
		if (WireValues.isPresent(delay.path("light_sleep_value")) && (light == null || light != 0)) {
			violations.add(path + ".light_sleep_value", "must be 0: light sleep is not enabled for this organization");
		}
		String field = (!WireValues.isPresent(delay.path("deep_sleep_value"))
				&& WireValues.isPresent(delay.path("value"))) ? "value" : "deep_sleep_value";
		Long seconds = WireValues.int64(delay.path(field));
		if (seconds == null || seconds < EmulatedQuotas.DEEP_SLEEP_IDLE_DELAY_MIN
				|| seconds > EmulatedQuotas.DEEP_SLEEP_IDLE_DELAY_MAX) {
			violations.add(path + "." + field,
					"must be from " + EmulatedQuotas.DEEP_SLEEP_IDLE_DELAY_MIN + " to "
							+ EmulatedQuotas.DEEP_SLEEP_IDLE_DELAY_MAX + " seconds when min is 0");
			return null;
		}
		return Duration.ofSeconds(seconds);
	}

}

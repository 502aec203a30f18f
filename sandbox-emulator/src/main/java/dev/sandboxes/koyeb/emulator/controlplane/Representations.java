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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders records as the JSON of Koyeb's API definitions ({@code App}, {@code Service},
 * {@code ServiceListItem}, {@code Deployment}, {@code Quotas}): snake_case members, RFC 3339 UTC
 * timestamps, {@code version} and the int64 counts the definition types as strings, life cycle
 * seconds as numbers. Callers hold the state's lock.
 */
final class Representations {

	private static final String SANDBOX_TYPE = "SANDBOX";

	private final ControlPlaneSettings settings;

	private final StatusProgression statuses;

	Representations(ControlPlaneSettings settings, StatusProgression statuses) {
		this.settings = settings;
		this.statuses = statuses;
	}

	/**
	 * Wrap an entity as a reply, for example {@code {"app": {...}}}.
	 * @param name the member name
	 * @param entity the entity
	 * @return the reply
	 */
	static ObjectNode reply(String name, JsonNode entity) {
		ObjectNode reply = object();
		reply.set(name, entity);
		return reply;
	}

	ObjectNode app(AppRecord app) {
		ObjectNode json = object();
		json.put("id", app.id());
		json.put("name", app.name());
		json.put("organization_id", this.settings.organizationId());
		timestamps(json, app.createdAt(), app.updatedAt(), app.terminatedAt());
		json.put("status", app.status().name());
		json.putArray("messages");
		json.put("version", Long.toString(app.version()));
		json.putArray("domains").add(domain(app));
		json.putObject("life_cycle").put("delete_when_empty", app.deleteWhenEmpty());
		return json;
	}

	ObjectNode appPage(List<AppRecord> apps, AppListQuery query, int count) {
		ObjectNode json = object();
		ArrayNode items = json.putArray("apps");
		apps.forEach((app) -> items.add(appListItem(app)));
		json.put("limit", query.limit());
		json.put("offset", query.offset());
		json.put("count", count);
		json.put("has_next", query.offset() + apps.size() < count);
		return json;
	}

	private ObjectNode appListItem(AppRecord app) {
		ObjectNode json = object();
		json.put("id", app.id());
		json.put("name", app.name());
		json.put("organization_id", this.settings.organizationId());
		timestamps(json, app.createdAt(), app.updatedAt(), null);
		json.putArray("domains").add(domain(app));
		json.put("status", app.status().name());
		json.putArray("messages");
		return json;
	}

	private ObjectNode domain(AppRecord app) {
		ObjectNode json = object();
		json.put("id", UUID.nameUUIDFromBytes(("domain:" + app.id()).getBytes(StandardCharsets.UTF_8)).toString());
		json.put("organization_id", this.settings.organizationId());
		json.put("name", app.name() + "-" + this.settings.organizationId() + ".koyeb.app");
		json.put("created_at", timestamp(app.createdAt()));
		json.put("updated_at", timestamp(app.updatedAt()));
		json.put("status", app.status().isLive() ? "ACTIVE" : app.status().name());
		json.put("type", "AUTOASSIGNED");
		json.put("app_id", app.id());
		json.putArray("messages");
		json.put("version", "1");
		return json;
	}

	ObjectNode service(ServiceRecord service, Instant now) {
		ObjectNode json = serviceListItem(service, now);
		json.put("last_provisioned_deployment_id", service.latest().id());
		Instant terminatedAt = service.terminatedAt();
		if (terminatedAt != null) {
			json.put("terminated_at", timestamp(terminatedAt));
		}
		return json;
	}

	ObjectNode serviceListItem(ServiceRecord service, Instant now) {
		ObjectNode json = object();
		json.put("id", service.id());
		json.put("name", service.name());
		json.put("type", SANDBOX_TYPE);
		json.put("organization_id", this.settings.organizationId());
		json.put("app_id", service.appId());
		json.put("created_at", timestamp(service.createdAt()));
		json.put("updated_at", timestamp(service.updatedAt()));
		json.put("status", this.statuses.status(service, now).name());
		json.putArray("messages");
		json.put("version", Long.toString(service.version()));
		json.put("active_deployment_id",
				this.statuses.isActive(service.latest(), now) ? service.latest().id() : "");
		json.put("latest_deployment_id", service.latest().id());
		ObjectNode lifeCycle = json.putObject("life_cycle");
		lifeCycle.put("delete_after_create", service.lifeCycle().deleteAfterCreate());
		lifeCycle.put("delete_after_sleep", service.lifeCycle().deleteAfterSleep());
		return json;
	}

	/**
	 * Render a page of {@code GET /v1/services}.
	 * @param services the services of the page
	 * @param query the query, with its page
	 * @param count how many services match the query
	 * @param now the current time
	 * @return the {@code ListServicesReply}
	 */
	ObjectNode servicePage(List<ServiceRecord> services, ServiceListQuery query, int count, Instant now) {
		ObjectNode json = object();
		ArrayNode items = json.putArray("services");
		services.forEach((service) -> items.add(serviceListItem(service, now)));
		json.put("limit", query.limit());
		json.put("offset", query.offset());
		json.put("count", count);
		json.put("has_next", query.offset() + services.size() < count);
		return json;
	}

	ObjectNode deployment(DeploymentRecord deployment, Instant now) {
		ObjectNode json = object();
		json.put("id", deployment.id());
		timestamps(json, deployment.createdAt(), deployment.updatedAt(), deployment.stoppedAt());
		json.put("organization_id", this.settings.organizationId());
		json.put("app_id", deployment.appId());
		json.put("service_id", deployment.serviceId());
		json.put("status", this.statuses.status(deployment, now).name());
		ObjectNode sandbox = json.putObject("metadata").putObject("sandbox");
		sandbox.put("public_url", this.settings.publicUrl().get());
		sandbox.put("routing_key", deployment.routingKey());
		json.set("definition", deployment.spec().json());
		ArrayNode messages = json.putArray("messages");
		String failure = deployment.failure();
		if (failure != null) {
			messages.add(failure);
		}
		json.put("version", Long.toString(deployment.version()));
		return json;
	}

	ObjectNode quotas() {
		String count = Long.toString(EmulatedQuotas.RESOURCE_COUNT);
		ObjectNode json = object();
		json.put("apps", count);
		json.put("services", count);
		json.put("services_by_app", count);
		json.put("service_provisioning_concurrency", count);
		ArrayNode instanceTypes = json.putArray("instance_types");
		ObjectNode maxInstancesByType = json.putObject("max_instances_by_type");
		EmulatedQuotas.INSTANCE_TYPES.forEach((type) -> {
			instanceTypes.add(type);
			maxInstancesByType.put(type, count);
		});
		ArrayNode regions = json.putArray("regions");
		EmulatedQuotas.REGIONS.forEach(regions::add);
		ObjectNode scaleToZero = json.putObject("scale_to_zero");
		scaleToZero.put("is_deep_sleep_enabled", true);
		scaleToZero.put("deep_sleep_idle_delay_min", EmulatedQuotas.DEEP_SLEEP_IDLE_DELAY_MIN);
		scaleToZero.put("deep_sleep_idle_delay_max", EmulatedQuotas.DEEP_SLEEP_IDLE_DELAY_MAX);
		scaleToZero.put("is_light_sleep_enabled", false);
		scaleToZero.put("light_sleep_idle_delay_min", 0);
		scaleToZero.put("light_sleep_idle_delay_max", 0);
		ObjectNode lifecycle = json.putObject("lifecycle");
		lifecycle.put("delete_after_create_min", EmulatedQuotas.DELETE_AFTER_CREATE_MIN);
		lifecycle.put("delete_after_create_max", EmulatedQuotas.DELETE_AFTER_CREATE_MAX);
		lifecycle.put("delete_after_sleep_min", EmulatedQuotas.DELETE_AFTER_SLEEP_MIN);
		lifecycle.put("delete_after_sleep_max", EmulatedQuotas.DELETE_AFTER_SLEEP_MAX);
		return json;
	}

	private static void timestamps(ObjectNode json, Instant createdAt, Instant updatedAt,
			@Nullable Instant terminatedAt) {
		json.put("created_at", timestamp(createdAt));
		json.put("updated_at", timestamp(updatedAt));
		if (terminatedAt != null) {
			json.put("terminated_at", timestamp(terminatedAt));
		}
	}

	private static String timestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	private static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

}

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


package dev.sandboxes.koyeb.boot.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.sandboxes.koyeb.boot.autoconfigure.actuate.SandboxesEndpoint;
import dev.sandboxes.koyeb.boot.autoconfigure.actuate.SandboxesEndpointAutoConfiguration;
import dev.sandboxes.koyeb.controlplane.CreateService;
import dev.sandboxes.koyeb.executor.RunRequest;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter needs at runtime by reflection is in the hints of an application's
 * ahead-of-time processing: the binding of {@code koyeb.sandbox.*} with every nested group,
 * the responses of the {@code sandboxes} endpoint, the failure analyzer of a missing
 * endpoint and the client's JSON types. The application context is processed as
 * {@code process-aot} does, on the embedded emulator path.
 */
class SandboxAotProcessingTests {

	private final RuntimeHints hints = processAheadOfTime();

	@Test
	void everyPropertyOfEveryGroupCanBeBound() {
		List<Class<?>> groups = propertyGroups(SandboxProperties.class);
		assertThat(groups).contains(SandboxProperties.Lifecycle.class, SandboxProperties.Reaper.class,
				SandboxProperties.Emulator.class);
		assertThat(groups).allSatisfy((group) -> {
			assertThat(RuntimeHintsPredicates.reflection().onType(group)).as(group.getName()).accepts(this.hints);
			for (Method accessor : accessors(group)) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(accessor))
					.as(group.getSimpleName() + "." + accessor.getName())
					.accepts(this.hints);
			}
		});
	}

	@Test
	void sandboxesEndpointResponsesCanBeWritten() {
		for (Class<?> response : List.of(SandboxesEndpoint.SandboxesDescriptor.class,
				SandboxesEndpoint.SandboxDescriptor.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(response)).as(response.getName()).accepts(this.hints);
			for (RecordComponent component : response.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(response.getSimpleName() + "." + component.getName())
					.accepts(this.hints);
			}
		}
	}

	@Test
	void failureAnalyzerOfAMissingEndpointCanBeCreated() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(SandboxEndpointFailureAnalyzer.class.getDeclaredConstructor())).accepts(this.hints);
	}

	@Test
	void clientJsonTypesAreRegisteredByItsOwnRegistrars() {
		for (Class<?> body : List.of(CreateService.class, RunRequest.class)) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(body)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(body.getName()).accepts(this.hints);
		}
	}

	private static RuntimeHints processAheadOfTime() {
		GenericApplicationContext context = new GenericApplicationContext();
		TestPropertyValues.of("management.endpoints.web.exposure.include=sandboxes").applyTo(context);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(StarterConfiguration.class);
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(SandboxAotProcessingTests.class)), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		assertThat(context.getBeanNamesForType(EmbeddedEmulatorConnectionDetails.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(SandboxesEndpoint.class)).hasSize(1);
		return generationContext.getRuntimeHints();
	}

	/**
	 * Return a properties class and its nested groups, found through the types of its
	 * getters. Enums are left out: they are bound through their constants, which a native
	 * image keeps for every enum without a hint.
	 */
	private static List<Class<?>> propertyGroups(Class<?> properties) {
		List<Class<?>> groups = new ArrayList<>(List.of(properties));
		for (Method accessor : accessors(properties)) {
			Class<?> type = accessor.getReturnType();
			if (type.getEnclosingClass() == properties && !type.isEnum() && !groups.contains(type)) {
				groups.addAll(propertyGroups(type));
			}
		}
		return groups;
	}

	private static List<Method> accessors(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
			.filter((method) -> (method.getName().startsWith("get") && method.getParameterCount() == 0)
					|| (method.getName().startsWith("is") && method.getParameterCount() == 0)
					|| (method.getName().startsWith("set") && method.getParameterCount() == 1))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SandboxEmulatorAutoConfiguration.class, SandboxAutoConfiguration.class,
			SandboxesEndpointAutoConfiguration.class })
	static class StarterConfiguration {

	}

}

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

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.sandboxes.koyeb.controlplane.KoyebApi;
import dev.sandboxes.koyeb.executor.ExecutorEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record of the client's wire packages that Jackson binds has the reflection hints an
 * ahead-of-time compiled application needs, from the registrars listed in
 * {@code META-INF/spring/aot.factories}: a new wire record without a hint fails here.
 */
class WireTypeRuntimeHintsTests {

	private static final List<String> WIRE_PACKAGES = List.of("dev.sandboxes.koyeb.controlplane",
			"dev.sandboxes.koyeb.executor");

	/**
	 * Records of the wire packages that never pass through Jackson.
	 */
	private static final Set<String> NOT_JSON = Set.of(
			// The executor's address and secret, held in memory.
			"dev.sandboxes.koyeb.executor.ExecutorEndpoint",
			// One event of a stream, cut from the text by ServerSentEventDecoder.
			"dev.sandboxes.koyeb.executor.ServerSentEvent",
			// Sent as query parameters.
			"dev.sandboxes.koyeb.controlplane.ServiceQuery");

	private final RuntimeHints hints = registeredHints();

	@Test
	void everyJsonRecordCanBeConstructedAndRead() {
		List<Class<?>> jsonRecords = mainRecords().stream()
			.filter((type) -> !NOT_JSON.contains(type.getName()))
			.toList();
		assertThat(jsonRecords).hasSizeGreaterThan(20);
		assertThat(jsonRecords).allSatisfy((type) -> {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(type.getName())
				.accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(type.getName() + "." + component.getName())
					.accepts(this.hints);
			}
		});
	}

	@Test
	void recordsKnownNotToBeJsonAreStillRecordsOfTheWirePackages() {
		assertThat(mainRecords()).extracting(Class::getName).containsAll(NOT_JSON);
	}

	@Test
	void theExecutorSecretIsNotOpenedToReflection() {
		assertThat(RuntimeHintsPredicates.reflection().onType(ExecutorEndpoint.class))
			.rejects(this.hints);
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = WireTypeRuntimeHintsTests.class.getClassLoader();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, classLoader));
		return hints;
	}

	/**
	 * Return the records, nested ones included, compiled from the main sources of the wire
	 * packages; the test sources' records of the same packages are left out.
	 */
	private static List<Class<?>> mainRecords() {
		String mainClasses = KoyebApi.class.getProtectionDomain().getCodeSource().getLocation().toString();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
				return true;
			}

		};
		scanner.addIncludeFilter((reader, factory) -> Record.class.getName()
			.equals(reader.getClassMetadata().getSuperClassName())
				&& reader.getResource().getDescription().contains(mainClasses.replaceFirst("^file:", "")));
		return WIRE_PACKAGES.stream()
			.flatMap((basePackage) -> scanner.findCandidateComponents(basePackage).stream())
			.map(BeanDefinition::getBeanClassName)
			.flatMap(Stream::ofNullable)
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, WireTypeRuntimeHintsTests.class.getClassLoader()))
			.toList();
	}

}

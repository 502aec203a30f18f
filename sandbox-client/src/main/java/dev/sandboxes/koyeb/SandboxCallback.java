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

/**
 * Work done with a sandbox that {@link SandboxOperations#execute(SandboxSpec, SandboxCallback)}
 * creates and deletes around it.
 *
 * @param <T> the result type
 * @since 0.1.0
 */
@FunctionalInterface
public interface SandboxCallback<T> {

	/**
	 * Do the work.
	 * @param sandbox the sandbox, deleted once this method returns or throws
	 * @return the result
	 * @throws Exception any failure, rethrown to the caller (checked exceptions wrapped in
	 * a {@link SandboxException})
	 */
	T doInSandbox(Sandbox sandbox) throws Exception;

}

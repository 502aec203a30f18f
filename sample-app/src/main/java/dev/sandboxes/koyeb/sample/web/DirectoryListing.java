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


package dev.sandboxes.koyeb.sample.web;

import java.util.List;

/**
 * The entries of one directory of a sandbox, in the order the sandbox lists them.
 *
 * @param path the directory
 * @param entries its entries
 * @since 0.1.0
 */
public record DirectoryListing(String path, List<Entry> entries) {

	/**
	 * One entry of a directory.
	 *
	 * @param name its name
	 * @param path its full path
	 * @param directory whether it is a directory
	 */
	public record Entry(String name, String path, boolean directory) {

	}

}

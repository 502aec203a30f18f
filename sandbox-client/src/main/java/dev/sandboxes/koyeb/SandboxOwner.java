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

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;

/**
 * The owner of sandboxes, written into their names so that a plain list of sandboxes tells
 * whose each one is, without reading any deployment. A template with an owner names every
 * sandbox {@code <tag>--<name>}, where the tag is the owner reduced to at most
 * {@value #TAG_MAX_LENGTH} lowercase letters, digits and single dashes (a longer owner keeps
 * its first characters and a checksum of the whole). A tag never contains {@code --}, so
 * the owner of {@code app--x} is never mistaken for the owner of {@code app-staging--x}.
 *
 * @since 0.1.0
 */
public final class SandboxOwner {

	/**
	 * Longest tag.
	 */
	public static final int TAG_MAX_LENGTH = 20;

	private static final String SEPARATOR = "--";

	private static final int CHECKSUM_LENGTH = 4;

	private final String tag;

	private SandboxOwner(String tag) {
		this.tag = tag;
	}

	/**
	 * Create the owner of the given name, for example an application name.
	 * @param owner the owner's name
	 * @return the owner
	 * @throws InvalidSandboxSpecException if the name has no letter or digit
	 */
	public static SandboxOwner of(String owner) {
		String slug = SpecValidation.checkNotBlank("owner", owner)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		if (slug.isEmpty()) {
			throw new InvalidSandboxSpecException("owner", owner, "must contain at least one letter or digit");
		}
		if (slug.length() > TAG_MAX_LENGTH) {
			String head = slug.substring(0, TAG_MAX_LENGTH - CHECKSUM_LENGTH - 1).replaceAll("-$", "");
			slug = head + "-" + checksum(slug);
		}
		return new SandboxOwner(slug);
	}

	private static String checksum(String value) {
		CRC32 crc = new CRC32();
		crc.update(value.getBytes(StandardCharsets.UTF_8));
		String hex = Long.toHexString(crc.getValue());
		return hex.substring(Math.max(0, hex.length() - CHECKSUM_LENGTH));
	}

	/**
	 * Return the tag that starts the names of this owner's sandboxes.
	 * @return the tag
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Return the full name of one of this owner's sandboxes.
	 * @param name the name asked for
	 * @return {@code <tag>--<name>}
	 * @throws InvalidSandboxSpecException if the full name would be longer than Koyeb allows
	 */
	public String sandboxName(String name) {
		String full = this.tag + SEPARATOR + name;
		if (full.length() > SandboxLimits.NAME_MAX_LENGTH) {
			int room = SandboxLimits.NAME_MAX_LENGTH - this.tag.length() - SEPARATOR.length();
			throw new InvalidSandboxSpecException("name", name, "must be at most " + room
					+ " characters, because sandboxes of owner '" + this.tag + "' are named '" + this.tag
					+ SEPARATOR + "<name>' and Koyeb allows " + SandboxLimits.NAME_MAX_LENGTH);
		}
		return full;
	}

	/**
	 * Tell whether a sandbox belongs to this owner.
	 * @param sandboxName the sandbox (service) name
	 * @return whether its name carries this owner's tag
	 */
	public boolean owns(@Nullable String sandboxName) {
		return sandboxName != null && sandboxName.startsWith(this.tag + SEPARATOR)
				&& sandboxName.length() > this.tag.length() + SEPARATOR.length();
	}

	/**
	 * Tell whether a sandbox belongs to this owner.
	 * @param sandbox the sandbox
	 * @return whether its name carries this owner's tag
	 */
	public boolean owns(SandboxInfo sandbox) {
		return owns(sandbox.name());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof SandboxOwner owner) && this.tag.equals(owner.tag);
	}

	@Override
	public int hashCode() {
		return this.tag.hashCode();
	}

	@Override
	public String toString() {
		return "SandboxOwner[" + this.tag + "]";
	}

}

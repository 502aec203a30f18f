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


package dev.sandboxes.koyeb.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.opentest4j.TestAbortedException;

/**
 * A headless Chromium driven through the system's {@code chromedriver}: Debian's
 * {@code chromium} and {@code chromium-driver} packages, or the binaries named by the
 * {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} environment variables. Where they are
 * missing, a test using it is skipped, unless {@code -Dkoyeb.sample.require-browser=true}
 * (set by CI) makes it fail.
 */
final class HeadlessChromium {

	private static final String REQUIRE_PROPERTY = "koyeb.sample.require-browser";

	private HeadlessChromium() {
	}

	static ChromeDriver start() {
		Path browser = find("CHROMIUM_BINARY", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
		Path driver = find("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		if (browser == null || driver == null) {
			String missing = "Chromium and chromedriver are needed (Debian: apt-get install chromium chromium-driver)";
			if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
				throw new AssertionError(missing + ", and " + REQUIRE_PROPERTY + " is set");
			}
			throw new TestAbortedException(missing);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1400,1100");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static @Nullable Path find(String variable, String... candidates) {
		List<String> paths = new ArrayList<>();
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			paths.add(configured);
		}
		paths.addAll(List.of(candidates));
		return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
	}

}

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.sandboxes.koyeb.SandboxOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground's page in a real browser: create a sandbox, watch code's output arrive line
 * by line, write a file and find it, see a refused value and an expired sandbox explained,
 * delete the sandbox.
 * Leaves a screenshot at {@code target/playground.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundPageTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String SLOW_PROGRAM = """
			import time

			for i in range(1, 6):
			    print(f"step {i}", flush=True)
			    time.sleep(0.6)
			""";

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxOperations sandboxes;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void createsASandboxRunsCodeLiveWritesAFileAndDeletesTheSandbox() throws Exception {
		HostPython.assumeAvailable();
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoint"), "embedded emulator"));

		refusedLifetimeIsExplained(wait);

		type("create-name", "browser");
		type("create-lifetime", "20");
		browser.findElement(By.id("create-button")).click();
		WebElement selected = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sandbox-list li.selected")));
		assertThat(selected.findElement(By.className("name")).getText()).isEqualTo("playground--browser");
		assertThat(browser.findElement(By.id("workbench")).isDisplayed()).isTrue();
		String lifetime = browser.findElement(By.id("selected-lifetime")).getText();
		assertThat(lifetime).matches("deleted in 1[89]:\\d\\d");
		wait.until((driver) -> !driver.findElement(By.id("selected-lifetime")).getText().equals(lifetime));

		List<Integer> linesSeen = runAndWatch(SLOW_PROGRAM, wait);
		assertThat(linesSeen).containsSubsequence(1, 2, 3, 4, 5);
		assertThat(outputLines()).containsExactly("step 1", "step 2", "step 3", "step 4", "step 5");
		assertThat(browser.findElement(By.id("exit-status")).getText()).startsWith("exit 0 in ");

		type("new-file-name", "hello.txt");
		browser.findElement(By.id("new-file")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-view-path"), "/workspace/hello.txt"));
		type("file-editor", "written from the browser");
		browser.findElement(By.id("file-save")).click();
		wait.until((driver) -> fileNames().containsAll(List.of("hello.txt", "main.py")));
		Path screenshot = Path.of("target", "playground.png");
		Files.createDirectories(screenshot.getParent());
		Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));

		type("command", "cat /workspace/hello.txt");
		browser.findElement(By.id("run-command")).click();
		wait.until((driver) -> outputLines().equals(List.of("written from the browser")));

		browser.findElement(By.id("delete-sandbox")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-sandboxes")));
		assertThat(browser.findElements(By.cssSelector("#sandbox-list li"))).isEmpty();
		assertThat(browser.findElement(By.id("workbench")).isDisplayed()).isFalse();
		assertThat(this.sandboxes.list()).isEmpty();
	}

	@Test
	void aSandboxThatExpiredIsExplainedAndLeavesTheList() {
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		type("create-name", "expiring");
		browser.findElement(By.id("create-button")).click();
		WebElement selected = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sandbox-list li.selected")));
		String id = selected.getDomAttribute("data-id");
		assertThat(id).isNotNull();

		this.sandboxes.delete(id);
		browser.findElement(By.id("run-code")).click();
		WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-banner")));
		assertThat(banner.getText()).contains(id, "does not exist", "expired");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-sandboxes")));
		assertThat(browser.findElement(By.id("workbench")).isDisplayed()).isFalse();
	}

	private void refusedLifetimeIsExplained(WebDriverWait wait) {
		type("create-lifetime", "600");
		browser.findElement(By.id("create-button")).click();
		WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-banner")));
		assertThat(banner.getText()).contains("Invalid lifetime 'PT10H'", "7200 s");
		browser.findElement(By.id("error-close")).click();
		wait.until(ExpectedConditions.invisibilityOf(banner));
	}

	/**
	 * Run code from the page, noting how many lines of output are shown each time it changes
	 * until the command's exit is shown.
	 */
	private List<Integer> runAndWatch(String code, WebDriverWait wait) {
		type("code-editor", code);
		browser.findElement(By.id("run-code")).click();
		List<Integer> seen = new ArrayList<>();
		wait.pollingEvery(Duration.ofMillis(50)).until((driver) -> {
			int lines = outputLines().size();
			if (seen.isEmpty() || seen.get(seen.size() - 1) != lines) {
				seen.add(lines);
			}
			return driver.findElement(By.id("exit-status")).getText().startsWith("exit");
		});
		return seen;
	}

	private static List<String> outputLines() {
		return texts("#output .line");
	}

	private static List<String> fileNames() {
		return texts("#file-list li a");
	}

	@SuppressWarnings("unchecked")
	private static List<String> texts(String selector) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.textContent);", selector);
	}

	/**
	 * Set a field's value as a user would, replacing what it held.
	 */
	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}


}

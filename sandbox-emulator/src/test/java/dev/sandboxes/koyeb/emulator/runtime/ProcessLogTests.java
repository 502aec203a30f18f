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

package dev.sandboxes.koyeb.emulator.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProcessLog} and its {@link LineBacklog}s.
 */
class ProcessLogTests {

	@Test
	void backlogIsEveryStdoutLineThenEveryStderrLine() {
		ProcessLog log = new ProcessLog();
		log.append(ProcessLog.STDERR, "e1", 3);
		log.append(ProcessLog.STDOUT, "o1", 3);
		log.append(ProcessLog.STDERR, "e2", 3);
		log.append(ProcessLog.STDOUT, "o2", 3);
		assertThat(log.backlog()).extracting(LogEntry::data).containsExactly("o1", "o2", "e1", "e2");
	}

	@Test
	void backlogKeepsTheNewestTenThousandLinesPerStream() {
		ProcessLog log = new ProcessLog();
		IntStream.range(0, LineBacklog.MAX_LINES + 5).forEach((i) -> log.append(ProcessLog.STDOUT, "o" + i, 2));
		log.append(ProcessLog.STDERR, "e", 2);
		List<LogEntry> backlog = log.backlog();
		assertThat(backlog).hasSize(LineBacklog.MAX_LINES + 1);
		assertThat(backlog.get(0).data()).isEqualTo("o5");
		assertThat(backlog.get(LineBacklog.MAX_LINES - 1).data()).isEqualTo("o" + (LineBacklog.MAX_LINES + 4));
		assertThat(backlog.get(LineBacklog.MAX_LINES).data()).isEqualTo("e");
	}

	@Test
	void backlogKeepsAtMostEightMebibytesPerStream() {
		ProcessLog log = new ProcessLog();
		int mebibyte = 1024 * 1024;
		IntStream.range(0, 10).forEach((i) -> log.append(ProcessLog.STDOUT, "line " + i, mebibyte));
		assertThat(log.backlog()).extracting(LogEntry::data).hasSize(8).startsWith("line 2").endsWith("line 9");
	}

	@Test
	void linesAppendedWhileTheBacklogIsEmittedFollowItWithoutGapOrRepeat() {
		ProcessLog log = new ProcessLog();
		IntStream.range(0, 100).forEach((i) -> log.append(ProcessLog.STDOUT, Integer.toString(i), 4));
		AtomicBoolean appended = new AtomicBoolean();
		Flux<Integer> numbers = log.follow().map((entry) -> Integer.parseInt(entry.data())).doOnNext((number) -> {
			if (appended.compareAndSet(false, true)) {
				Thread writer = new Thread(() -> {
					IntStream.range(100, 150).forEach((i) -> log.append(ProcessLog.STDOUT, Integer.toString(i), 4));
					log.complete();
				});
				writer.start();
				join(writer);
			}
		});
		StepVerifier.create(numbers.collectList())
			.assertNext((received) -> assertThat(received).isEqualTo(IntStream.range(0, 150).boxed().toList()))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void followingWhileLinesAreAppendedNeverRepeatsOrReordersThem() {
		ProcessLog log = new ProcessLog();
		int total = 5000;
		Thread writer = new Thread(() -> {
			for (int i = 0; i < total; i++) {
				log.append(ProcessLog.STDOUT, Integer.toString(i), 4);
			}
			log.complete();
		});
		writer.start();
		List<Integer> received = log.follow()
			.map((entry) -> Integer.parseInt(entry.data()))
			.collectList()
			.block(Duration.ofSeconds(10));
		join(writer);
		assertThat(received).isSorted().doesNotHaveDuplicates().startsWith(0);
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void slowFollowerLosesLiveLinesInsteadOfBufferingThem() {
		ProcessLog log = new ProcessLog();
		log.append(ProcessLog.STDOUT, "backlog", 8);
		StepVerifier.create(log.follow(), 1)
			.expectNextMatches((entry) -> entry.data().equals("backlog"))
			.then(() -> {
				IntStream.range(0, 1000).forEach((i) -> log.append(ProcessLog.STDOUT, "live " + i, 8));
				log.complete();
			})
			.thenRequest(Long.MAX_VALUE)
			.recordWith(java.util.ArrayList::new)
			.thenConsumeWhile((entry) -> true)
			.consumeRecordedWith((live) -> assertThat(live).hasSizeBetween(1, 256)
				.first()
				.extracting(LogEntry::data)
				.isEqualTo("live 0"))
			.verifyComplete();
		assertThat(log.backlog()).hasSize(1001);
	}

	@Test
	void followingACompleteLogGivesItsBacklog() {
		ProcessLog log = new ProcessLog();
		log.append(ProcessLog.STDERR, "err", 4);
		log.append(ProcessLog.STDOUT, "out", 4);
		log.complete();
		StepVerifier.create(log.follow().map(LogEntry::stream)).expectNext("stdout", "stderr").verifyComplete();
	}

	@Test
	void cancelledFollowerIsForgotten() {
		ProcessLog log = new ProcessLog();
		StepVerifier.create(log.follow()).thenCancel().verify(Duration.ofSeconds(5));
		log.append(ProcessLog.STDOUT, "after", 6);
		StepVerifier.create(log.follow().take(1).map(LogEntry::data)).expectNext("after").verifyComplete();
	}

}

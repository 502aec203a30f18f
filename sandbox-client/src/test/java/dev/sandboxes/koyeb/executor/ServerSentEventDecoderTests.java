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

package dev.sandboxes.koyeb.executor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerSentEventDecoder}.
 */
class ServerSentEventDecoderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final List<ServerSentEvent> RUN_STREAMING_EVENTS = List.of(
			new ServerSentEvent("output", "{\"data\":\"two\",\"stream\":\"stderr\"}"),
			new ServerSentEvent("output", "{\"data\":\"one\",\"stream\":\"stdout\"}"),
			new ServerSentEvent("output", "{\"data\":\"partial\",\"stream\":\"stdout\"}"),
			new ServerSentEvent("complete", "{\"code\":2,\"error\":true}"));

	private final NettyDataBufferFactory bufferFactory = new NettyDataBufferFactory(
			new UnpooledByteBufAllocator(false));

	private final List<NettyDataBuffer> allocated = new ArrayList<>();

	private final ServerSentEventDecoder decoder = new ServerSentEventDecoder(ServerSentEventDecoder.DEFAULT_MAX_BYTES);

	@Test
	void decodesRecordedStreamSplitAtEveryByteWithEveryLineEnding() {
		String recorded = ExecutorVectors.get("run_streaming").responseBody();
		for (String lineEnd : List.of("\n", "\r\n", "\r")) {
			byte[] stream = recorded.replace("\n", lineEnd).getBytes(StandardCharsets.UTF_8);
			for (int split = 0; split <= stream.length; split++) {
				assertThat(decode(this.decoder, stream, split)).as("line end %s, split at %d",
						lineEnd.replace("\r", "CR").replace("\n", "LF"), split)
					.isEqualTo(RUN_STREAMING_EVENTS);
			}
			assertThat(decode(this.decoder, stream, everyByte(stream.length))).isEqualTo(RUN_STREAMING_EVENTS);
		}
		assertEveryBufferReleased();
	}

	@Test
	void decodesRecordedProcessLogs() {
		byte[] stream = ExecutorVectors.get("process_logs_streaming of a finished process")
			.responseBody()
			.getBytes(StandardCharsets.UTF_8);
		List<ServerSentEvent> events = decode(this.decoder, stream, everyByte(stream.length));
		assertThat(events).hasSize(7);
		assertThat(events.get(0)).isEqualTo(new ServerSentEvent("log",
				"{\"timestamp\":\"2026-11-26T09:58:39.030752222Z\",\"stream\":\"stdout\",\"data\":\"tick 1\"}"));
		assertThat(events.get(6)).isEqualTo(new ServerSentEvent("complete", "{\"message\": \"stream ended\"}"));
		assertEveryBufferReleased();
	}

	@Test
	void mixedLineEndingsAreAllLineEnds() {
		assertThat(decode("event: a\r\ndata: 1\r\rdata: 2\n\r\ndata: 3\r\n\n"))
			.containsExactly(new ServerSentEvent("a", "1"), new ServerSentEvent("message", "2"),
					new ServerSentEvent("message", "3"));
	}

	@Test
	void commentsIdRetryAndUnknownFieldsAreIgnored() {
		assertThat(decode(":keepalive\n\n: another comment\nid: 7\nretry: 1000\nfoo: bar\nevent: mystery\n"
				+ "data: x\n:keepalive\n\n")).containsExactly(new ServerSentEvent("mystery", "x"));
	}

	@Test
	void dataLinesAreJoinedWithNewLinesAndOneLeadingSpaceIsStripped() {
		assertThat(decode("data: a\ndata:b\ndata:  c\ndata\ndata: d:e\n\n"))
			.containsExactly(new ServerSentEvent("message", "a\nb\n c\n\nd:e"));
	}

	@Test
	void eventWithoutDataIsNotDispatchedAndItsNameIsForgotten() {
		assertThat(decode("event: lonely\n\ndata: y\n\n")).containsExactly(new ServerSentEvent("message", "y"));
	}

	@Test
	void eventWithEmptyDataIsDispatched() {
		assertThat(decode("event: ping\ndata:\n\n")).containsExactly(new ServerSentEvent("ping", ""));
	}

	@Test
	void finalEventWithoutBlankLineIsNotDispatched() {
		assertThat(decode("data: one\n\nevent: complete\ndata: {\"code\":0}\n"))
			.containsExactly(new ServerSentEvent("message", "one"));
	}

	@Test
	void multiByteCharactersSplitAcrossChunksDecode() {
		String text = "héllo ✓ 😀";
		byte[] stream = ("event: output\ndata: " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
		List<ServerSentEvent> expected = List.of(new ServerSentEvent("output", text));
		for (int split = 0; split <= stream.length; split++) {
			assertThat(decode(this.decoder, stream, split)).as("split at %d", split).isEqualTo(expected);
		}
		assertThat(decode(this.decoder, stream, everyByte(stream.length))).isEqualTo(expected);
		assertEveryBufferReleased();
	}

	@Test
	void leadingByteOrderMarkIsSkipped() {
		assertThat(decode("\uFEFFevent: a\ndata: 1\n\n")).containsExactly(new ServerSentEvent("a", "1"));
	}

	@Test
	void lineLongerThanTheLimitFails() {
		ServerSentEventDecoder small = new ServerSentEventDecoder(16);
		byte[] stream = ("data: ok\n\ndata: " + "x".repeat(20) + "\n\n").getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(small.decode(chunks(stream, everyByte(stream.length))))
			.expectNext(new ServerSentEvent("message", "ok"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DataBufferLimitException.class)
				.hasMessageContaining("line longer than 16 bytes"))
			.verify(TIMEOUT);
		assertEveryBufferReleased();
	}

	@Test
	void lineOfExactlyTheLimitIsAccepted() {
		ServerSentEventDecoder small = new ServerSentEventDecoder(16);
		byte[] stream = ("data: " + "x".repeat(10) + "\n\n").getBytes(StandardCharsets.UTF_8);
		assertThat(decode(small, stream, 3)).containsExactly(new ServerSentEvent("message", "x".repeat(10)));
	}

	@Test
	void eventDataLongerThanTheLimitFails() {
		ServerSentEventDecoder small = new ServerSentEventDecoder(16);
		byte[] stream = "data: 12345\ndata: 12345\ndata: 12345\n\n".getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(small.decode(chunks(stream, 7)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DataBufferLimitException.class)
				.hasMessageContaining("more than 16 characters of data"))
			.verify(TIMEOUT);
		assertEveryBufferReleased();
	}

	@Test
	void buffersAreReleasedWhenTheConsumerCancels() {
		byte[] stream = ExecutorVectors.get("run_streaming").responseBody().getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(this.decoder.decode(chunks(stream, everyByte(stream.length)).hide()).take(1))
			.expectNext(RUN_STREAMING_EVENTS.get(0))
			.verifyComplete();
		assertEveryBufferReleased();
	}

	private List<ServerSentEvent> decode(String stream) {
		byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
		List<ServerSentEvent> events = decode(this.decoder, bytes, everyByte(bytes.length));
		assertThat(decode(this.decoder, bytes)).isEqualTo(events);
		assertEveryBufferReleased();
		return events;
	}

	private List<ServerSentEvent> decode(ServerSentEventDecoder decoder, byte[] stream, int... splits) {
		List<ServerSentEvent> events = decoder.decode(chunks(stream, splits)).collectList().block(TIMEOUT);
		assertThat(events).isNotNull();
		return events;
	}

	private Flux<DataBuffer> chunks(byte[] stream, int... splits) {
		List<DataBuffer> buffers = new ArrayList<>();
		int start = 0;
		for (int end : splits) {
			buffers.add(buffer(Arrays.copyOfRange(stream, start, end)));
			start = end;
		}
		buffers.add(buffer(Arrays.copyOfRange(stream, start, stream.length)));
		return Flux.fromIterable(buffers);
	}

	private DataBuffer buffer(byte[] bytes) {
		NettyDataBuffer buffer = this.bufferFactory.allocateBuffer(Math.max(1, bytes.length));
		buffer.write(bytes);
		// the network layer keeps its own reference, which the decoder must not release
		buffer.getNativeBuffer().retain();
		this.allocated.add(buffer);
		return buffer;
	}

	private static int[] everyByte(int length) {
		int[] splits = new int[Math.max(0, length - 1)];
		for (int i = 0; i < splits.length; i++) {
			splits[i] = i + 1;
		}
		return splits;
	}

	/**
	 * Assert that the decoder released each buffer exactly once.
	 */
	private void assertEveryBufferReleased() {
		assertThat(this.allocated).isNotEmpty()
			.allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).as("reference count").isOne());
	}

}

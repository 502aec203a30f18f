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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Incremental decoder of a {@code text/event-stream} body, following the event stream
 * interpretation of the HTML standard: lines end in LF, CRLF or CR, each complete line
 * is decoded as UTF-8 (so a character split across network chunks decodes correctly), a
 * leading byte order mark is skipped, {@code :} comment lines are ignored, {@code data}
 * lines are joined with {@code \n}, one space after the colon is stripped, and an event
 * is dispatched at a blank line. The {@code id} and {@code retry} fields and unknown
 * fields are ignored, and so is an event not followed by a blank line when the stream
 * ends. Every buffer is released. A line or an event's data longer than the limit fails
 * the stream with a {@link DataBufferLimitException}, so that a hostile stream cannot
 * exhaust memory.
 */
final class ServerSentEventDecoder {

	/**
	 * Default limit of a line and of an event's data: 4 MiB.
	 */
	static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

	private final int maxBytes;

	ServerSentEventDecoder(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * Decode a stream of server-sent events.
	 * @param body the body as it arrives; every buffer is released
	 * @return the dispatched events
	 */
	Flux<ServerSentEvent> decode(Flux<DataBuffer> body) {
		// Buffers that operators drop on cancellation or error are released as well
		return Flux.defer(() -> {
			EventParser parser = new EventParser(this.maxBytes);
			return body.map(ServerSentEventDecoder::drain).concatMapIterable(parser::feed);
		}).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
	}

	/**
	 * Copy and release a buffer before parsing, so that a parsing failure cannot release
	 * it a second time through the discard hook.
	 */
	private static byte[] drain(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * State of one stream: the line being read and the event being built.
	 */
	private static final class EventParser {

		private static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

		private final int maxBytes;

		private byte[] line = new byte[256];

		private int lineLength;

		private boolean afterCarriageReturn;

		private boolean firstLine = true;

		private String eventName = "";

		private final StringBuilder data = new StringBuilder();

		EventParser(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		List<ServerSentEvent> feed(byte[] bytes) {
			List<ServerSentEvent> events = new ArrayList<>(2);
			int start = 0;
			for (int i = 0; i < bytes.length; i++) {
				byte current = bytes[i];
				if (current == '\n' && this.afterCarriageReturn) {
					this.afterCarriageReturn = false;
					start = i + 1;
					continue;
				}
				if (current == '\n' || current == '\r') {
					append(bytes, start, i - start);
					endLine(events);
					this.afterCarriageReturn = (current == '\r');
					start = i + 1;
				}
				else {
					this.afterCarriageReturn = false;
				}
			}
			append(bytes, start, bytes.length - start);
			return events;
		}

		private void append(byte[] bytes, int offset, int length) {
			if (length == 0) {
				return;
			}
			int needed = this.lineLength + length;
			if (needed > this.maxBytes) {
				throw new DataBufferLimitException(
						"Server-sent event stream has a line longer than " + this.maxBytes + " bytes");
			}
			if (needed > this.line.length) {
				this.line = Arrays.copyOf(this.line, Math.min(this.maxBytes, Math.max(needed, this.line.length * 2)));
			}
			System.arraycopy(bytes, offset, this.line, this.lineLength, length);
			this.lineLength = needed;
		}

		private void endLine(List<ServerSentEvent> events) {
			int offset = (this.firstLine && startsWithByteOrderMark()) ? BYTE_ORDER_MARK.length : 0;
			String text = new String(this.line, offset, this.lineLength - offset, StandardCharsets.UTF_8);
			this.firstLine = false;
			this.lineLength = 0;
			if (text.isEmpty()) {
				dispatch(events);
			}
			else if (text.charAt(0) != ':') {
				field(text);
			}
		}

		private boolean startsWithByteOrderMark() {
			return this.lineLength >= BYTE_ORDER_MARK.length
					&& Arrays.equals(this.line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
		}

		private void field(String text) {
			int colon = text.indexOf(':');
			String name = (colon < 0) ? text : text.substring(0, colon);
			int valueStart = (colon < 0) ? text.length() : colon + 1;
			if (valueStart < text.length() && text.charAt(valueStart) == ' ') {
				valueStart++;
			}
			String value = text.substring(valueStart);
			if (name.equals("event")) {
				this.eventName = value;
			}
			else if (name.equals("data")) {
				if (this.data.length() + value.length() + 1 > this.maxBytes) {
					throw new DataBufferLimitException("Server-sent event stream has an event with more than "
							+ this.maxBytes + " characters of data");
				}
				this.data.append(value).append('\n');
			}
		}

		private void dispatch(List<ServerSentEvent> events) {
			if (!this.data.isEmpty()) {
				String name = this.eventName.isEmpty() ? "message" : this.eventName;
				events.add(new ServerSentEvent(name, this.data.substring(0, this.data.length() - 1)));
			}
			this.data.setLength(0);
			this.eventName = "";
		}

	}

}

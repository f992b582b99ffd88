package dev.tunethemodel.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteBufferFeeder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads the entries of one array field of a JSON object, such as {@code {"models":
 * [...]}}. A body within the codecs' in-memory limit is kept as it arrives and read in
 * one pass at the end; a larger one is read as it arrives, with Jackson's non-blocking
 * parser, so that only one entry is held at a time: a list is never bound by that limit.
 *
 * @param <E> the type of an entry
 */
final class JsonListReader<E> {

	private final ObjectReader entryReader;

	private final String field;

	private final int inMemoryLimit;

	private final List<DataBuffer> kept = new ArrayList<>();

	private long keptBytes;

	private @Nullable Streaming streaming;

	JsonListReader(ObjectReader entryReader, String field, int inMemoryLimit) {
		// each entry is read mid-body: the rest of the list follows it
		this.entryReader = entryReader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.field = field;
		this.inMemoryLimit = inMemoryLimit;
	}

	/**
	 * Take the next part of the body; it is released once read.
	 * @param buffer the part
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 * @throws IllegalStateException if the body is JSON, but not an object with the list
	 */
	void feed(DataBuffer buffer) {
		if (this.streaming == null) {
			this.kept.add(buffer);
			this.keptBytes += buffer.readableByteCount();
			if (this.keptBytes <= this.inMemoryLimit) {
				return;
			}
			this.streaming = new Streaming();
			for (DataBuffer kept : this.kept) {
				feedAndRelease(kept);
			}
			this.kept.clear();
			return;
		}
		feedAndRelease(buffer);
	}

	/**
	 * Read the end of the body.
	 * @return the entries of the list, none when the object has no such field
	 */
	List<E> finish() throws IOException {
		if (this.streaming != null) {
			return this.streaming.finish();
		}
		if (this.kept.isEmpty()) {
			throw new IllegalStateException("the body is empty");
		}
		DataBuffer body = this.kept.get(0).factory().join(new ArrayList<>(this.kept));
		this.kept.clear();
		try (InputStream json = body.asInputStream(true); JsonParser parser = this.entryReader.createParser(json)) {
			return readWhole(parser);
		}
	}

	/**
	 * Release what is kept, when the body is not read to its end.
	 */
	void discard() {
		this.kept.forEach(DataBufferUtils::release);
		this.kept.clear();
	}

	private void feedAndRelease(DataBuffer buffer) {
		try {
			this.streaming.feed(buffer);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private List<E> readWhole(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new IllegalStateException("the body is not a JSON object");
		}
		List<E> entries = new ArrayList<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			boolean list = this.field.equals(parser.currentName());
			JsonToken value = parser.nextToken();
			if (list && value == JsonToken.START_ARRAY) {
				for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
					if (entry == JsonToken.START_OBJECT) {
						entries.add(this.entryReader.readValue(parser));
					}
					else if (entry != JsonToken.VALUE_NULL) {
						throw notAnObject();
					}
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return entries;
	}

	private IllegalStateException notAnObject() {
		return new IllegalStateException("an entry of \"" + this.field + "\" is not a JSON object");
	}

	/**
	 * The same reading, as the body arrives, one entry held at a time.
	 */
	private final class Streaming {

		private final JsonParser parser;

		private final ByteBufferFeeder feeder;

		private final List<E> entries = new ArrayList<>();

		private boolean started;

		private int depth;

		private @Nullable String property;

		private boolean inList;

		private @Nullable TokenBuffer entry;

		private int entryDepth;

		Streaming() {
			this.parser = JsonListReader.this.entryReader.createNonBlockingByteBufferParser();
			this.feeder = (ByteBufferFeeder) this.parser.nonBlockingInputFeeder();
		}

		void feed(DataBuffer buffer) {
			try (DataBuffer.ByteBufferIterator byteBuffers = buffer.readableByteBuffers()) {
				while (byteBuffers.hasNext()) {
					this.feeder.feedInput(byteBuffers.next());
					readAvailableTokens();
				}
			}
		}

		List<E> finish() {
			this.feeder.endOfInput();
			readAvailableTokens();
			if (!this.started) {
				throw new IllegalStateException("the body is empty");
			}
			if (this.depth != 0) {
				throw new IllegalStateException("the body ends before the JSON object");
			}
			this.parser.close();
			return this.entries;
		}

		private void readAvailableTokens() {
			JsonToken token = this.parser.nextToken();
			while (token != null && token != JsonToken.NOT_AVAILABLE) {
				read(token);
				token = this.parser.nextToken();
			}
		}

		private void read(JsonToken token) {
			if (this.entry != null) {
				readEntry(token);
			}
			else if (!this.started) {
				if (token != JsonToken.START_OBJECT) {
					throw new IllegalStateException("the body is not a JSON object");
				}
				this.started = true;
				this.depth = 1;
			}
			else if (this.inList) {
				readList(token);
			}
			else {
				readOutsideList(token);
			}
		}

		private void readEntry(JsonToken token) {
			this.entry.copyCurrentEvent(this.parser);
			if (token.isStructStart()) {
				this.entryDepth++;
			}
			else if (token.isStructEnd() && --this.entryDepth == 0) {
				try (JsonParser entryParser = this.entry.asParser(this.parser.objectReadContext())) {
					this.entries.add(JsonListReader.this.entryReader.readValue(entryParser));
				}
				this.entry = null;
			}
		}

		private void readList(JsonToken token) {
			if (token == JsonToken.START_OBJECT) {
				this.entry = TokenBuffer.forBuffering(this.parser, this.parser.objectReadContext());
				this.entry.copyCurrentEvent(this.parser);
				this.entryDepth = 1;
			}
			else if (token == JsonToken.END_ARRAY) {
				this.inList = false;
				this.depth--;
			}
			else if (token != JsonToken.VALUE_NULL) {
				throw notAnObject();
			}
		}

		private void readOutsideList(JsonToken token) {
			if (token == JsonToken.PROPERTY_NAME && this.depth == 1) {
				this.property = this.parser.currentName();
			}
			else if (token.isStructStart()) {
				this.depth++;
				this.inList = token == JsonToken.START_ARRAY && this.depth == 2
						&& JsonListReader.this.field.equals(this.property);
			}
			else if (token.isStructEnd()) {
				this.depth--;
			}
		}

	}

}

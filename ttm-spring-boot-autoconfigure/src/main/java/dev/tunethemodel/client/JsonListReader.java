package dev.tunethemodel.client;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteBufferFeeder;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Reads the entries of one array field of a JSON object, such as {@code {"models": [...]}},
 * as the body arrives, without joining it into one buffer: a list is not bound by the codecs'
 * in-memory limit, only each of its entries is held at once.
 *
 * @param <E> the type of an entry
 */
final class JsonListReader<E> {

	private final ObjectReader entryReader;

	private final String field;

	private final JsonParser parser;

	private final ByteBufferFeeder feeder;

	private final List<E> entries = new ArrayList<>();

	private boolean started;

	private int depth;

	private @Nullable String property;

	private boolean inList;

	private @Nullable TokenBuffer entry;

	private int entryDepth;

	JsonListReader(ObjectReader entryReader, String field) {
		this.entryReader = entryReader;
		this.field = field;
		this.parser = entryReader.createNonBlockingByteBufferParser();
		this.feeder = (ByteBufferFeeder) this.parser.nonBlockingInputFeeder();
	}

	/**
	 * Read the next part of the body.
	 * @param buffer the part; the caller releases it
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 * @throws IllegalStateException if the body is JSON, but not an object with the list
	 */
	void feed(DataBuffer buffer) {
		try (DataBuffer.ByteBufferIterator byteBuffers = buffer.readableByteBuffers()) {
			while (byteBuffers.hasNext()) {
				this.feeder.feedInput(byteBuffers.next());
				readAvailableTokens();
			}
		}
	}

	/**
	 * Read the end of the body.
	 * @return the entries of the list, none when the object has no such field
	 */
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
				this.entries.add(this.entryReader.readValue(entryParser));
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
			throw new IllegalStateException("an entry of \"" + this.field + "\" is not a JSON object");
		}
	}

	private void readOutsideList(JsonToken token) {
		if (token == JsonToken.PROPERTY_NAME && this.depth == 1) {
			this.property = this.parser.currentName();
		}
		else if (token.isStructStart()) {
			this.depth++;
			this.inList = token == JsonToken.START_ARRAY && this.depth == 2 && this.field.equals(this.property);
		}
		else if (token.isStructEnd()) {
			this.depth--;
		}
	}

}

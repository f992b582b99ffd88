package dev.tunethemodel.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads the entries of one array field of a JSON object, such as {@code {"models":
 * [...]}}, as the body arrives, with Jackson's non-blocking parser: each entry is passed
 * on once complete, and the body is read only as far as the entries asked for need. An
 * entry that arrives whole in one part of the body is read from that part as it stands;
 * one that spans parts is kept, without the properties its type does not know, until its
 * end arrives. Memory stays flat whatever the body: only the entry being read is held,
 * and it may not be larger than the entry limit; the bytes outside entries are skipped,
 * no more than that limit in a row; and the list may not have more than a number of
 * entries.
 *
 * @param <E> the type of an entry
 */
final class JsonListReader<E> {

	// marks the end of the body among its parts
	private static final byte[] END_OF_BODY = new byte[0];

	private final ObjectReader entryReader;

	private final String field;

	private final Set<String> properties;

	private final long maxEntryBytes;

	private final int maxEntries;

	/**
	 * Create a reader.
	 * @param entryReader reads one entry; its type ignores the properties it does not
	 * know, since an entry that arrives whole reaches it with them
	 * @param field the name of the array field
	 * @param properties the properties an entry's type reads; the others are skipped
	 * before an entry that spans parts of the body is read
	 * @param maxEntryBytes the largest entry, and the maximum number of bytes in a row
	 * outside entries; negative for no limit
	 * @param maxEntries the maximum number of entries the list may have
	 */
	JsonListReader(ObjectReader entryReader, String field, Set<String> properties, long maxEntryBytes, int maxEntries) {
		this.entryReader = entryReader;
		this.field = field;
		this.properties = properties;
		this.maxEntryBytes = (maxEntryBytes >= 0) ? maxEntryBytes : Long.MAX_VALUE;
		this.maxEntries = maxEntries;
	}

	/**
	 * Read the entries of a body; each part of the body is released as soon as it
	 * arrives.
	 * @param body the body
	 * @return the entries, in their order, as many as asked for; ends with a
	 * {@link LimitExceededException} if the body breaks a limit, a
	 * {@link tools.jackson.core.JacksonException} if it is not JSON, or an
	 * {@link IllegalStateException} if it is JSON but not an object with the list
	 */
	Flux<E> read(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			Reading reading = new Reading();
			// a copy, so that no buffer waits for the entries to be asked for
			Flux<byte[]> parts = body.map(JsonListReader::copyAndRelease).concatWith(Mono.just(END_OF_BODY));
			return parts.flatMapIterable(reading::entriesOf, 1);
		});
	}

	private static byte[] copyAndRelease(DataBuffer buffer) {
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
	 * Thrown when a body breaks a limit of the reader.
	 */
	static final class LimitExceededException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final boolean entryCount;

		LimitExceededException(String message, boolean entryCount) {
			super(message, null, false, false);
			this.entryCount = entryCount;
		}

		/**
		 * Return which limit was broken.
		 * @return {@code true} for the number of entries, {@code false} for the bytes of
		 * an entry or in a row outside entries
		 */
		boolean isEntryCount() {
			return this.entryCount;
		}

	}

	/**
	 * The reading of one body: the parser and where it is in the JSON.
	 */
	private final class Reading {

		private final JsonParser parser;

		private final ByteArrayFeeder feeder;

		private long fed;

		// the part the parser holds, and where it begins in the body
		private byte[] part = END_OF_BODY;

		private long partStart;

		// where the entry being read, or the bytes outside entries, began
		private long pieceStart;

		private boolean started;

		private boolean ended;

		private int depth;

		private @Nullable String property;

		private boolean inList;

		private int entries;

		private @Nullable TokenBuffer entry;

		// reads the entries that arrive whole, in one deserialization context
		private @Nullable MappingIterator<E> wholeEntries;

		private int entryDepth;

		private boolean skipValue;

		private int skipDepth;

		Reading() {
			this.parser = JsonListReader.this.entryReader.createNonBlockingByteArrayParser();
			this.feeder = (ByteArrayFeeder) this.parser.nonBlockingInputFeeder();
		}

		/**
		 * Take the next part of the body.
		 * @param part the part, or {@link #END_OF_BODY}
		 * @return the entries the part completes, read as they are asked for
		 */
		Iterable<E> entriesOf(byte[] part) {
			if (part == END_OF_BODY) {
				this.feeder.endOfInput();
			}
			else if (part.length > 0) {
				this.feeder.feedInput(part, 0, part.length);
				this.part = part;
				this.partStart = this.fed;
				this.fed += part.length;
			}
			return Entries::new;
		}

		// a cancelled reading leaves its parser to the garbage collector
		private @Nullable E nextEntry() {
			try {
				return readNextEntry();
			}
			catch (RuntimeException ex) {
				this.entry = null;
				this.parser.close();
				throw ex;
			}
		}

		private @Nullable E readNextEntry() {
			JsonToken token = this.parser.nextToken();
			while (token != JsonToken.NOT_AVAILABLE) {
				if (token == null) {
					checkEnd();
					this.parser.close();
					return null;
				}
				E read = read(token);
				if (read != null) {
					return read;
				}
				token = this.parser.nextToken();
			}
			checkPiece(this.fed, this.entry != null);
			return null;
		}

		private @Nullable E read(JsonToken token) {
			TokenBuffer entry = this.entry;
			if (entry != null) {
				return readEntry(entry, token);
			}
			if (this.ended) {
				throw new IllegalStateException("the body goes on after its JSON object");
			}
			if (!this.started) {
				if (token != JsonToken.START_OBJECT) {
					throw new IllegalStateException("the body is not a JSON object");
				}
				this.started = true;
				this.depth = 1;
			}
			else if (this.inList) {
				return readList(token);
			}
			else {
				readOutsideList(token);
			}
			return null;
		}

		private @Nullable E readEntry(TokenBuffer entry, JsonToken token) {
			if (skip(token)) {
				return null;
			}
			if (token == JsonToken.PROPERTY_NAME && this.entryDepth == 1
					&& !JsonListReader.this.properties.contains(this.parser.currentName())) {
				this.skipValue = true;
				return null;
			}
			entry.copyCurrentEvent(this.parser);
			if (token.isStructStart()) {
				this.entryDepth++;
				return null;
			}
			if (!token.isStructEnd() || --this.entryDepth > 0) {
				return null;
			}
			long end = this.parser.currentLocation().getByteOffset();
			checkPiece(end, true);
			try (JsonParser entryParser = entry.asParser(this.parser.objectReadContext())) {
				this.entry = null;
				this.pieceStart = end;
				return JsonListReader.this.entryReader.readValue(entryParser);
			}
		}

		// the value of a property the entry's type does not read: passed over, not kept
		private boolean skip(JsonToken token) {
			if (this.skipValue) {
				this.skipValue = false;
				this.skipDepth = token.isStructStart() ? 1 : 0;
				return true;
			}
			if (this.skipDepth == 0) {
				return false;
			}
			if (token.isStructStart()) {
				this.skipDepth++;
			}
			else if (token.isStructEnd()) {
				this.skipDepth--;
			}
			return true;
		}

		private @Nullable E readList(JsonToken token) {
			if (token == JsonToken.END_ARRAY) {
				this.inList = false;
				this.depth--;
				return null;
			}
			if (token != JsonToken.START_OBJECT && token != JsonToken.VALUE_NULL) {
				throw new IllegalStateException(
						"an entry of \"" + JsonListReader.this.field + "\" is not a JSON object");
			}
			int maxEntries = JsonListReader.this.maxEntries;
			if (++this.entries > maxEntries) {
				throw new LimitExceededException("more than " + maxEntries + ((maxEntries == 1) ? " entry" : " entries")
						+ " in \"" + JsonListReader.this.field + "\"", true);
			}
			// the parser stands just after the token's one byte
			long start = this.parser.currentLocation().getByteOffset() - 1;
			checkPiece(start, false);
			if (token != JsonToken.START_OBJECT) {
				return null;
			}
			this.pieceStart = start;
			int end = JsonBytes.endOfStructure(this.part, (int) (start - this.partStart));
			if (end >= 0) {
				return readWholeEntry(this.partStart + end);
			}
			this.entry = TokenBuffer.forBuffering(this.parser, this.parser.objectReadContext());
			this.entry.copyCurrentEvent(this.parser);
			this.entryDepth = 1;
			return null;
		}

		// the parser holds the whole entry: its reader cannot run out of input
		private E readWholeEntry(long end) {
			checkPiece(end, true);
			if (this.wholeEntries == null) {
				this.wholeEntries = JsonListReader.this.entryReader.readValues(this.parser);
			}
			E entry = this.wholeEntries.nextValue();
			this.pieceStart = end;
			return entry;
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
				this.ended = this.depth == 0;
			}
		}

		// the bytes read since the piece began, whether complete tokens or not
		private void checkPiece(long position, boolean inEntry) {
			if (position - this.pieceStart <= JsonListReader.this.maxEntryBytes) {
				return;
			}
			String limit = JsonListReader.this.maxEntryBytes + " bytes";
			String field = "\"" + JsonListReader.this.field + "\"";
			throw new LimitExceededException(inEntry ? "an entry of " + field + " larger than " + limit
					: "more than " + limit + " in a row outside the entries of " + field, false);
		}

		// the parser itself fails on a body that ends inside its JSON object
		private void checkEnd() {
			if (!this.started) {
				throw new IllegalStateException("the body is empty");
			}
		}

		/**
		 * The entries that one part of the body completes, read as they are asked for.
		 */
		private final class Entries implements Iterator<E> {

			private @Nullable E next;

			private boolean exhausted;

			@Override
			public boolean hasNext() {
				if (this.next == null && !this.exhausted) {
					this.next = nextEntry();
					this.exhausted = this.next == null;
				}
				return this.next != null;
			}

			@Override
			public E next() {
				E entry = hasNext() ? this.next : null;
				if (entry == null) {
					throw new NoSuchElementException();
				}
				this.next = null;
				return entry;
			}

		}

	}

}

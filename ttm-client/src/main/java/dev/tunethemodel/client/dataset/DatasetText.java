package dev.tunethemodel.client.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelException;

/**
 * The characters of a UTF-8 file, decoded through a small buffer, with the line each
 * stands on: a byte order mark at the start is skipped, and bytes that are not UTF-8 are
 * an {@link InvalidDatasetException} naming their line. A line ends with {@code \n},
 * {@code \r\n} or {@code \r}; the characters are given as they are.
 */
final class DatasetText implements Closeable {

	/**
	 * What {@link #read()} returns after the last character.
	 */
	static final int END = -1;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final int BUFFER_SIZE = 8192;

	private final String source;

	private final InputStream input;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).limit(0);

	private final char[] buffer = new char[BUFFER_SIZE];

	// decodes into the buffer, which read() takes from directly, being the hot path
	private final CharBuffer chars = CharBuffer.wrap(this.buffer);

	private int position;

	private int limit;

	private boolean endOfInput;

	private boolean decoded;

	private boolean malformed;

	private boolean started;

	private long line = 1;

	private boolean afterCarriageReturn;

	/**
	 * Open a file.
	 * @param file the file
	 * @throws IOException if it cannot be opened
	 */
	DatasetText(Path file) throws IOException {
		this.source = file.toString();
		this.input = Files.newInputStream(file);
	}

	/**
	 * Return how messages name the file.
	 * @return its path
	 */
	String source() {
		return this.source;
	}

	/**
	 * Return the line of the next character.
	 * @return the line, from 1
	 */
	long line() {
		return this.line;
	}

	/**
	 * Read the next character.
	 * @return the character, or {@link #END} after the last
	 * @throws InvalidDatasetException if the file is not UTF-8 there
	 */
	int read() {
		while (this.position == this.limit) {
			if (!fill()) {
				return END;
			}
		}
		char c = this.buffer[this.position++];
		if (c == '\n') {
			if (!this.afterCarriageReturn) {
				this.line++;
			}
			this.afterCarriageReturn = false;
		}
		else {
			this.afterCarriageReturn = (c == '\r');
			if (this.afterCarriageReturn) {
				this.line++;
			}
		}
		return c;
	}

	/**
	 * Read the next character if it is the one expected.
	 * @param expected the character expected
	 * @return whether it was read
	 * @throws InvalidDatasetException if the file is not UTF-8 there
	 */
	boolean readIf(char expected) {
		while (this.position == this.limit) {
			if (!fill()) {
				return false;
			}
		}
		if (this.buffer[this.position] != expected) {
			return false;
		}
		read();
		return true;
	}

	/**
	 * Read the rest of a line, and its end, stopping early once it has more bytes than
	 * allowed.
	 * @param into where to put the characters, without the end of the line
	 * @param maxBytes the maximum number of bytes of UTF-8 the line may have
	 * @return the bytes read, more than {@code maxBytes} when the line is longer, or
	 * {@link #END} at the end of the file
	 * @throws InvalidDatasetException if the file is not UTF-8 there
	 */
	long readLine(StringBuilder into, long maxBytes) {
		long bytes = 0;
		boolean found = false;
		while (true) {
			if (this.position == this.limit && !fill()) {
				return (found) ? bytes : END;
			}
			found = true;
			// scanned in bulk, the hot path of JSON Lines
			int start = this.position;
			int end = start;
			while (end < this.limit && bytes <= maxBytes && !isLineEnd(this.buffer[end])) {
				bytes += DatasetLimits.utf8Bytes(this.buffer[end]);
				end++;
			}
			into.append(this.buffer, start, end - start);
			this.position = end;
			if (end > start) {
				this.afterCarriageReturn = false;
			}
			if (bytes > maxBytes) {
				return bytes;
			}
			if (end < this.limit) {
				if (read() == '\r') {
					readIf('\n');
				}
				return bytes;
			}
		}
	}

	/**
	 * Return an exception saying what is wrong with a line.
	 * @param line the line
	 * @param problem what is wrong, as in {@code is not valid UTF-8}
	 * @return the exception
	 */
	InvalidDatasetException invalid(long line, String problem) {
		return invalidLine(this.source, line, problem);
	}

	/**
	 * Return an exception about a line of a file, before it is an example.
	 * @param source the file
	 * @param line the line, from 1
	 * @param problem what is wrong, as in {@code is not valid UTF-8}
	 * @return the exception, whose message names the line and the file
	 */
	static InvalidDatasetException invalidLine(String source, long line, String problem) {
		return new InvalidDatasetException("Line " + line + " of " + source + " " + problem, 0, line);
	}

	private static boolean isLineEnd(char c) {
		return c == '\n' || c == '\r';
	}

	// decodes the next characters; false once all are read
	private boolean fill() {
		this.chars.clear();
		try {
			while (this.chars.position() == 0 && !this.decoded) {
				if (this.malformed) {
					throw invalid(this.line, "is not valid UTF-8");
				}
				CoderResult result = this.decoder.decode(this.bytes, this.chars, this.endOfInput);
				if (result.isError()) {
					// the characters before are given first, to name the right line
					this.malformed = true;
				}
				else if (result.isUnderflow()) {
					if (this.endOfInput) {
						this.decoder.flush(this.chars);
						this.decoded = true;
					}
					else {
						readBytes();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new TuneTheModelException("Could not read " + this.source + ": " + ex.getMessage(), ex);
		}
		this.position = 0;
		this.limit = this.chars.position();
		if (this.limit > 0 && !this.started) {
			this.started = true;
			if (this.buffer[0] == BYTE_ORDER_MARK) {
				this.position = 1;
			}
		}
		return this.limit > 0;
	}

	private void readBytes() throws IOException {
		this.bytes.compact();
		int read = this.input.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (read < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + read);
		}
		this.bytes.flip();
	}

	@Override
	public void close() throws IOException {
		this.input.close();
	}

}

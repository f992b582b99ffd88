package dev.tunethemodel.client.dataset;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * How long the texts and lines of a dataset file may be, in bytes of UTF-8: a text at
 * most {@code maxTextBytes}, and a line of JSON Lines or a record of CSV four times as
 * much, room for an input, an output and whatever else it holds. Reading stops at these
 * bounds, so no file makes memory grow with it.
 *
 * @param maxTextBytes the maximum number of bytes a text may have
 */
record DatasetLimits(long maxTextBytes) {

	private static final long KIBIBYTE = 1024;

	private static final long MEBIBYTE = 1024 * KIBIBYTE;

	// a line of four times this many bytes still fits in a StringBuilder
	private static final long MOST_TEXT_BYTES = 256 * MEBIBYTE;

	private static final int TEXTS_PER_LINE = 4;

	/**
	 * The limits when none are chosen: 1 MiB per text, more than the API has use for.
	 */
	static final DatasetLimits DEFAULT = new DatasetLimits(MEBIBYTE);

	/**
	 * Return the limits for a chosen size of a text.
	 * @param maxTextSize the maximum size of a text, from 1 byte to 256 MiB
	 * @return the limits
	 * @throws IllegalArgumentException if the size is {@code null} or out of range
	 */
	static DatasetLimits of(@Nullable DataSize maxTextSize) {
		if (maxTextSize == null) {
			throw new IllegalArgumentException("maxTextSize must not be null");
		}
		long bytes = maxTextSize.toBytes();
		if (bytes < 1 || bytes > MOST_TEXT_BYTES) {
			throw new IllegalArgumentException(
					"maxTextSize must be between 1 byte and 256 MiB, but is " + describe(bytes));
		}
		return new DatasetLimits(bytes);
	}

	/**
	 * Return the maximum number of bytes a line of JSON Lines or a record of CSV may
	 * have.
	 * @return four times the maximum number of bytes of a text
	 */
	long maxLineBytes() {
		return TEXTS_PER_LINE * this.maxTextBytes;
	}

	/**
	 * Say how long a line may be, and why, for a message.
	 * @param what what the file calls a line: {@code line} or {@code record}
	 * @return as in {@code 4 MiB, the maximum length of a line with texts of up to 1 MiB}
	 */
	String describeLine(String what) {
		return describe(maxLineBytes()) + ", the maximum length of a " + what + " with texts of up to "
				+ describe(this.maxTextBytes);
	}

	/**
	 * Say how long a text may be, for a message.
	 * @return as in {@code 1 MiB}
	 */
	String describeText() {
		return describe(this.maxTextBytes);
	}

	/**
	 * Return how many bytes a character takes in UTF-8: a surrogate takes two, its pair
	 * four.
	 * @param c the character
	 * @return from 1 to 3
	 */
	static int utf8Bytes(char c) {
		if (c < 0x80) {
			return 1;
		}
		return (c < 0x800 || Character.isSurrogate(c)) ? 2 : 3;
	}

	/**
	 * Return how many bytes a text takes in UTF-8.
	 * @param text the text
	 * @return its length in bytes
	 */
	static long utf8Bytes(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			bytes += utf8Bytes(text.charAt(i));
		}
		return bytes;
	}

	private static String describe(long bytes) {
		if (bytes > 0 && bytes % MEBIBYTE == 0) {
			return (bytes / MEBIBYTE) + " MiB";
		}
		if (bytes > 0 && bytes % KIBIBYTE == 0) {
			return (bytes / KIBIBYTE) + " KiB";
		}
		return bytes + ((bytes == 1) ? " byte" : " bytes");
	}

}

package dev.tunethemodel.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a dataset breaks a rule of the API before anything is sent: too few
 * examples, an example of the wrong kind, an empty text, or a label out of range. The
 * message says which example, and which line of which file when it was read from one.
 *
 * @since 0.1.0
 */
public class InvalidDatasetException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final long exampleNumber;

	private final @Nullable Long line;

	/**
	 * Create an exception.
	 * @param message what is wrong, and where
	 * @param exampleNumber the number of the bad example, from 1; 0 when the problem is
	 * not one example
	 * @param line the line of the bad example in its file, {@code null} when it was not
	 * read from one
	 */
	public InvalidDatasetException(String message, long exampleNumber, @Nullable Long line) {
		super(message);
		this.exampleNumber = exampleNumber;
		this.line = line;
	}

	/**
	 * Return the number of the bad example in its dataset.
	 * @return the example's number, from 1; 0 when the problem is not one example
	 */
	public long exampleNumber() {
		return this.exampleNumber;
	}

	/**
	 * Return the line of the bad example in the file it was read from.
	 * @return the line, from 1, or {@code null} when the example was not read from a file
	 */
	public @Nullable Long line() {
		return this.line;
	}

}

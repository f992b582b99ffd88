package dev.tunethemodel.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call to the Tune the Model API fails: the API responded with an error
 * ({@link TuneTheModelApiException}), could not be reached, or sent a response that
 * cannot be read. Messages never contain the API key.
 *
 * @since 0.1.0
 */
public class TuneTheModelException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception with the given message.
	 * @param message what went wrong
	 */
	public TuneTheModelException(String message) {
		super(message);
	}

	/**
	 * Create an exception with the given message and cause.
	 * @param message what went wrong
	 * @param cause the cause
	 */
	public TuneTheModelException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

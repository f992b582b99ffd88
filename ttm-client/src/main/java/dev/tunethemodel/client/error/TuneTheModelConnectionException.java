package dev.tunethemodel.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the API cannot be reached, or the connection fails before its response is
 * complete: refused, reset or closed early, or a response that is not HTTP.
 *
 * @since 0.1.0
 */
public class TuneTheModelConnectionException extends TuneTheModelException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception with the given message and cause.
	 * @param message what failed
	 * @param cause the cause, if any
	 */
	public TuneTheModelConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

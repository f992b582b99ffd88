package dev.tunethemodel.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call takes too long: connecting, waiting for a free connection, a silence
 * while reading longer than the read timeout, or the whole call, retries included, longer
 * than the client's timeout.
 *
 * @since 0.1.0
 */
public class TuneTheModelTimeoutException extends TuneTheModelException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception with the given message and cause.
	 * @param message what timed out
	 * @param cause the cause, if any
	 */
	public TuneTheModelTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

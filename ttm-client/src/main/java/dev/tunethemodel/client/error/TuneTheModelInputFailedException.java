package dev.tunethemodel.client.error;

import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * Thrown when the call for one input of a bulk call, such as
 * {@link TuneTheModelOperations#classifyAll}, fails for good; it ends the results after
 * those of every input before it. The cause is what went wrong with that input's call,
 * such as a {@link TuneTheModelApiException}.
 *
 * @since 0.1.0
 */
public class TuneTheModelInputFailedException extends TuneTheModelException {

	private static final long serialVersionUID = 1L;

	private final long position;

	/**
	 * Create an exception for an input that failed.
	 * @param position the position of the input, from 0
	 * @param cause what went wrong with its call
	 */
	public TuneTheModelInputFailedException(long position, Throwable cause) {
		super("The input at position " + position + " (from 0) failed: " + cause.getMessage(), cause);
		this.position = position;
	}

	/**
	 * Return the position of the input that failed.
	 * @return its position in the inputs, from 0
	 */
	public long position() {
		return this.position;
	}

}

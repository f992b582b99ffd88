package dev.tunethemodel.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A fault for the next responses of the emulator, to test how an application copes with a
 * flaky API: an error status, with a {@code Retry-After} if wanted, and a delay before
 * the response. Start from {@link #status(int)} or {@link #delay(Duration)}; the
 * {@code with…} methods and {@link #times(int)} return copies.
 *
 * @param count how many responses it applies to, at least 1
 * @param status the status to respond with, from 400 to 599, or 0 to respond normally
 * after the delay
 * @param retryAfter the {@code Retry-After} to send with the status, {@code null} for
 * none, at most {@link EmulatorLimits#MAX_RETRY_AFTER}
 * @param delay how long to wait before responding, at most
 * {@link EmulatorLimits#MAX_FAULT_DELAY}
 * @since 0.1.0
 * @see EmulatorLimits
 */
public record Fault(int count, int status, @Nullable Duration retryAfter, Duration delay) {

	/**
	 * Check the fault.
	 * @param count how many responses it applies to
	 * @param status the status to respond with, 0 to respond normally after the delay
	 * @param retryAfter the {@code Retry-After} to send with the status, {@code null} for
	 * none
	 * @param delay how long to wait before responding
	 */
	public Fault {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, but is " + count);
		}
		if (status != 0 && (status < EmulatorLimits.MIN_FAULT_STATUS || status > EmulatorLimits.MAX_FAULT_STATUS)) {
			throw new IllegalArgumentException("status must be an HTTP error status or 0, but is " + status);
		}
		if (retryAfter != null
				&& (retryAfter.isNegative() || retryAfter.compareTo(EmulatorLimits.MAX_RETRY_AFTER) > 0)) {
			throw new IllegalArgumentException("retryAfter must be between 0 and a day, but is " + retryAfter);
		}
		if (delay.isNegative() || delay.compareTo(EmulatorLimits.MAX_FAULT_DELAY) > 0) {
			throw new IllegalArgumentException("delay must be between 0 and 5 minutes, but is " + delay);
		}
	}

	/**
	 * Return a fault that responds to the next request with the given status.
	 * @param status an HTTP status, such as 503
	 * @return the fault
	 */
	public static Fault status(int status) {
		return new Fault(1, status, null, Duration.ZERO);
	}

	/**
	 * Return a fault that responds to the next request normally, after the given delay.
	 * @param delay the delay
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		return new Fault(1, 0, null, delay);
	}

	/**
	 * Return a copy that applies to the given number of responses.
	 * @param count how many responses
	 * @return the copy
	 */
	public Fault times(int count) {
		return new Fault(count, this.status, this.retryAfter, this.delay);
	}

	/**
	 * Return a copy that sends the given {@code Retry-After}, in whole seconds.
	 * @param retryAfter the wait to ask for
	 * @return the copy
	 */
	public Fault withRetryAfter(Duration retryAfter) {
		return new Fault(this.count, this.status, retryAfter, this.delay);
	}

	/**
	 * Return a copy that waits the given delay before responding.
	 * @param delay the delay
	 * @return the copy
	 */
	public Fault withDelay(Duration delay) {
		return new Fault(this.count, this.status, this.retryAfter, delay);
	}

}

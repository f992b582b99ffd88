package dev.tunethemodel.client;

import java.time.Duration;

/**
 * When and how {@link TuneTheModelTemplate} retries a failed request.
 * <p>
 * A request is retried after a failure to connect (nothing was sent) or a 429 response,
 * for every operation; after a 408, 500, 502, 503 or 504 response, a read timeout or a
 * connection lost after sending, only when the operation is safe to retry: every read,
 * delete, bind, fit, classify, generate and upload, never {@code createModel} or
 * {@code createFile}, which could create a duplicate. Other responses (400, 401, 403,
 * 404, 422, ...) are never retried.
 * <p>
 * The n-th retry waits a random time between half and all of
 * {@code min(initialBackoff * 2^(n-1), maxBackoff)}, or what the API asks in its
 * {@code Retry-After} header, in seconds or as an HTTP date in any of its three formats;
 * a {@code Retry-After} under a second, such as 0, is waited at least as long as that
 * backoff, so that a server that always asks for none is not asked again at once, again
 * and again. A {@code Retry-After} longer than {@code maxRetryAfter}, or a number of
 * seconds too large to hold, ends the call at once. No retry starts that could not end
 * within the client's timeout.
 *
 * @param maxRetries how many times a request may be retried, 0 for never
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 * @param maxRetryAfter the longest {@code Retry-After} that is waited for
 * @since 0.1.0
 */
public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/**
	 * Check the settings.
	 * @param maxRetries how many times a request may be retried, 0 for never
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between two attempts
	 * @param maxRetryAfter the longest {@code Retry-After} that is waited for
	 */
	public RetrySettings {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must be at least 0, but is " + maxRetries);
		}
		requireNotNegative("initialBackoff", initialBackoff);
		requireNotNegative("maxBackoff", maxBackoff);
		requireNotNegative("maxRetryAfter", maxRetryAfter);
	}

	/**
	 * Return the defaults: 3 retries, as the official SDK, waiting from 500ms, doubling,
	 * up to 8s, and for a {@code Retry-After} of up to 30s.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
	}

	/**
	 * Return settings that never retry a request.
	 * @return settings without retries
	 */
	public static RetrySettings none() {
		return new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Return the wait before the given retry.
	 * @param retry the number of the retry, from 1
	 * @param random a number from 0 (inclusive) to 1 (exclusive) that spreads the waits
	 * @return the wait, between half and all of the exponential backoff
	 */
	Duration backoff(long retry, double random) {
		Duration backoff = this.maxBackoff;
		// doubling past 2^30 would overflow, and every cap is reached long before
		if (retry <= 31) {
			Duration doubled = this.initialBackoff.multipliedBy(1L << (retry - 1));
			backoff = (doubled.compareTo(this.maxBackoff) < 0) ? doubled : this.maxBackoff;
		}
		long nanos = backoff.toNanos();
		return Duration.ofNanos(nanos / 2 + (long) (random * (nanos - nanos / 2)));
	}

	private static void requireNotNegative(String name, Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be zero or more, but is " + duration);
		}
	}

}

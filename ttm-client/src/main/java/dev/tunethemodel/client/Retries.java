package dev.tunethemodel.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Applies {@link RetrySettings} to the attempts of one call.
 */
final class Retries {

	private static final Set<Integer> STATUSES_OF_REPEATABLE_CALLS = Set.of(408, 500, 502, 503, 504);

	private static final int TOO_MANY_REQUESTS = 429;

	private final RetrySettings settings;

	Retries(RetrySettings settings) {
		this.settings = settings;
	}

	/**
	 * Decide on a repeat after a failed attempt.
	 * @param failure the failure of the attempt
	 * @param repeatable whether the request may be repeated after it may have reached the
	 * API
	 * @param retry the number of the repeat that would follow, from 1
	 * @param remainingNanos the time left before the call's timeout
	 * @return how long to wait before repeating, or {@code null} not to repeat
	 */
	@Nullable Duration delay(Throwable failure, boolean repeatable, long retry, long remainingNanos) {
		if (retry > this.settings.maxRetries() || !isRetryable(failure, repeatable)) {
			return null;
		}
		Duration retryAfter = (failure instanceof ErrorAnswer answer) ? answer.retryAfter() : null;
		if (retryAfter != null && retryAfter.compareTo(this.settings.maxRetryAfter()) > 0) {
			return null;
		}
		Duration delay = (retryAfter != null) ? retryAfter
				: this.settings.backoff(retry, ThreadLocalRandom.current().nextDouble());
		// a repeat that cannot end in time would only hide the last error
		return (delay.toNanos() < remainingNanos) ? delay : null;
	}

	static boolean isRetryable(Throwable failure, boolean repeatable) {
		if (failure instanceof ErrorAnswer answer) {
			int status = answer.status().value();
			return status == TOO_MANY_REQUESTS || (repeatable && STATUSES_OF_REPEATABLE_CALLS.contains(status));
		}
		if (failure instanceof TuneTheModelException) {
			return false;
		}
		return Failures.isNothingSent(failure) || (repeatable && Failures.isLostConnection(failure));
	}

}

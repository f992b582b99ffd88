package dev.tunethemodel.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.error.TuneTheModelException;

/**
 * Applies {@link RetrySettings} to the attempts of one call.
 */
final class Retries {

	private static final Set<Integer> STATUSES_RETRIED_WHEN_SAFE = Set.of(408, 500, 502, 503, 504);

	private static final int TOO_MANY_REQUESTS = 429;

	private static final int SERVICE_UNAVAILABLE = 503;

	// a whole number of seconds: only 0, or a date within the second, is shorter
	private static final Duration SHORTEST_RETRY_AFTER = Duration.ofSeconds(1);

	private final RetrySettings settings;

	Retries(RetrySettings settings) {
		this.settings = settings;
	}

	/**
	 * Decide on a retry after a failed attempt.
	 * @param failure the failure of the attempt
	 * @param safeToRetry whether the request may be retried after it may have reached the
	 * API
	 * @param retry the number of the retry that would follow, from 1
	 * @param remainingNanos the time left before the call's timeout
	 * @return how long to wait before retrying, or {@code null} not to retry
	 */
	@Nullable Duration delay(Throwable failure, boolean safeToRetry, long retry, long remainingNanos) {
		if (retry > this.settings.maxRetries() || !isRetryable(failure, safeToRetry)) {
			return null;
		}
		return wait(failure, retry, remainingNanos);
	}

	/**
	 * Decide on a retry after a failed attempt of one input of a bulk call, where a
	 * {@link #isRefusal refusal} lowers the concurrency instead of using up the retries:
	 * it is waited out as long as retries are allowed at all and the wait ends in time.
	 * @param failure the failure of the attempt
	 * @param safeToRetry whether the request may be retried after it may have reached the
	 * API
	 * @param retry the number of the retry that would follow, refusals not counted, from
	 * 1
	 * @param refusal the number of refusals so far, from 1 when the failure is one
	 * @param remainingNanos the time left before the call's timeout
	 * @return how long to wait before retrying, or {@code null} not to retry
	 */
	@Nullable Duration delayWaitingOutRefusals(Throwable failure, boolean safeToRetry, long retry, long refusal,
			long remainingNanos) {
		if (isRefusal(failure, safeToRetry) && this.settings.maxRetries() > 0) {
			return wait(failure, refusal, remainingNanos);
		}
		return delay(failure, safeToRetry, retry, remainingNanos);
	}

	static boolean isOverloaded(ErrorResponse response) {
		int status = response.status().value();
		return status == TOO_MANY_REQUESTS || status == SERVICE_UNAVAILABLE;
	}

	/**
	 * Return whether the API refused an attempt for a while: a 429, or a 503 of a request
	 * that may be retried.
	 * @param failure the failure of the attempt
	 * @param safeToRetry whether the request may be retried after it may have reached the
	 * API
	 * @return whether it is a refusal
	 */
	static boolean isRefusal(Throwable failure, boolean safeToRetry) {
		return failure instanceof ErrorResponse response && isOverloaded(response)
				&& (safeToRetry || response.status().value() == TOO_MANY_REQUESTS);
	}

	private @Nullable Duration wait(Throwable failure, long retry, long remainingNanos) {
		Duration retryAfter = (failure instanceof ErrorResponse response) ? response.retryAfter() : null;
		if (retryAfter != null && retryAfter.compareTo(this.settings.maxRetryAfter()) > 0) {
			return null;
		}
		Duration delay = this.settings.backoff(retry, ThreadLocalRandom.current().nextDouble());
		// a Retry-After of 0 would retry at once, again and again: the backoff spaces it
		if (retryAfter != null
				&& (retryAfter.compareTo(SHORTEST_RETRY_AFTER) >= 0 || retryAfter.compareTo(delay) > 0)) {
			delay = retryAfter;
		}
		// a retry that cannot end in time would only hide the last error
		return (delay.toNanos() < remainingNanos) ? delay : null;
	}

	static boolean isRetryable(Throwable failure, boolean safeToRetry) {
		if (failure instanceof ErrorResponse response) {
			int status = response.status().value();
			return status == TOO_MANY_REQUESTS || (safeToRetry && STATUSES_RETRIED_WHEN_SAFE.contains(status));
		}
		if (failure instanceof TuneTheModelException) {
			return false;
		}
		return Failures.isNothingSent(failure) || (safeToRetry && Failures.isLostConnection(failure));
	}

}

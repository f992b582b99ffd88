package dev.tunethemodel.client;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;

/**
 * A call whose attempts its caller makes, spaces and ends itself, as a bulk call does to
 * schedule the attempts of all its inputs together; the retry settings and the timeout
 * still decide when it may retry and when it is over.
 *
 * @param <T> the type of the response
 */
final class ScheduledCall<T> {

	private final Supplier<Mono<T>> attempt;

	private final Supplier<String> request;

	private final boolean safeToRetry;

	private final Retries retries;

	private final ApiErrors errors;

	private final Duration timeout;

	ScheduledCall(Supplier<Mono<T>> attempt, Supplier<String> request, boolean safeToRetry, Retries retries,
			ApiErrors errors, Duration timeout) {
		this.attempt = attempt;
		this.request = request;
		this.safeToRetry = safeToRetry;
		this.retries = retries;
		this.errors = errors;
		this.timeout = timeout;
	}

	/**
	 * Return one attempt, failing with what went wrong as it is.
	 * @return the attempt
	 */
	Mono<T> attempt() {
		return this.attempt.get();
	}

	/**
	 * Describe the request, for messages.
	 * @return the method, URI template and id
	 */
	String description() {
		return this.request.get();
	}

	/**
	 * Return whether the API refused an attempt for a while, which does not use up the
	 * retries.
	 * @param failure the failure of the attempt
	 * @return whether it is a 429, or a 503 of a request that may be retried
	 */
	boolean isRefusal(Throwable failure) {
		return Retries.isRefusal(failure, this.safeToRetry);
	}

	/**
	 * Decide on a retry after a failed attempt; a {@link #isRefusal refusal} does not use
	 * up the retries.
	 * @param failure the failure of the attempt
	 * @param retry the number of the retry that would follow, refusals not counted, from
	 * 1
	 * @param refusal the number of refusals so far
	 * @param remainingNanos the time left before the call's timeout
	 * @return how long to wait before retrying, or {@code null} not to retry
	 */
	@Nullable Duration retryDelay(Throwable failure, long retry, long refusal, long remainingNanos) {
		return this.retries.delayWaitingOutRefusals(failure, this.safeToRetry, retry, refusal, remainingNanos);
	}

	/**
	 * Return the exception that ends the call after its last attempt failed.
	 * @param failure the failure of the last attempt
	 * @param attempts how many attempts were made
	 * @return the exception
	 */
	TuneTheModelException failure(Throwable failure, int attempts) {
		return this.errors.callFailure(this.request.get(), failure, attempts);
	}

	/**
	 * Return the exception of a call that did not end within its timeout.
	 * @param attempts how many attempts were started
	 * @return the exception
	 */
	TuneTheModelTimeoutException timedOut(int attempts) {
		return this.errors.timeout(this.request.get(), this.timeout, attempts);
	}

	/**
	 * Return the longest time the call may take, its retries included.
	 * @return the timeout
	 */
	Duration timeout() {
		return this.timeout;
	}

}

package dev.tunethemodel.sample.batch;

import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;

/**
 * Skips a review whose input the API refused for good with a 4xx, up to a limit: the
 * fault is the review's. An error of the account (a refused key), of the model (not
 * found) or of the API (5xx, timeouts) fails the step instead, so that a rerun scores
 * every review from the last committed chunk on, rather than skipping reviews that were
 * never at fault.
 */
class RefusedInputSkipPolicy implements SkipPolicy {

	private final long skipLimit;

	RefusedInputSkipPolicy(long skipLimit) {
		this.skipLimit = skipLimit;
	}

	@Override
	public boolean shouldSkip(Throwable failure, long skipCount) {
		if (!(failure instanceof TuneTheModelInputFailedException inputFailed)
				|| !refusedInput(inputFailed.getCause())) {
			return false;
		}
		// a negative count asks whether the failure may be skipped at all
		if (skipCount >= this.skipLimit) {
			throw new SkipLimitExceededException(this.skipLimit, failure);
		}
		return true;
	}

	private static boolean refusedInput(Throwable cause) {
		return cause instanceof TuneTheModelApiException refusal && refusal.statusCode() >= 400
				&& refusal.statusCode() < 500 && !(refusal instanceof TuneTheModelAuthenticationException)
				&& !(refusal instanceof TuneTheModelNotFoundException)
				&& !(refusal instanceof TuneTheModelRateLimitException);
	}

}

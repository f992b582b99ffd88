package dev.tunethemodel.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;

/**
 * One input of a bulk call and the state of its call: the attempts made, the retries and
 * refusals (429s and 503s) so far, and the time by which the call must end. Not
 * thread-safe: used by the bulk call's drain loop only.
 *
 * @param <I> the type of the input
 * @param <T> the type of the response of its call
 */
final class BulkInput<I, T> {

	private final long position;

	private final I value;

	private final ScheduledCall<T> call;

	private int attempts;

	private int retries;

	private int refusals;

	private long deadline;

	BulkInput(long position, I value, ScheduledCall<T> call) {
		this.position = position;
		this.value = value;
		this.call = call;
	}

	long position() {
		return this.position;
	}

	I value() {
		return this.value;
	}

	/**
	 * Return the next attempt, ended by the call's timeout, which starts with the first.
	 * @param now the current {@link System#nanoTime()}
	 * @return the attempt, or {@code null} when the call's time is up
	 */
	@Nullable Mono<T> nextAttempt(long now) {
		if (this.attempts == 0) {
			this.deadline = now + this.call.timeout().toNanos();
		}
		long remaining = this.deadline - now;
		if (remaining <= 0) {
			return null;
		}
		int attempt = ++this.attempts;
		return Mono.defer(this.call::attempt)
			.timeout(Duration.ofNanos(remaining), Mono.error(() -> this.call.timedOut(attempt)));
	}

	/**
	 * Decide on a retry after a failed attempt, and count it. A refusal waits longer each
	 * time the input is refused again, unless the API refuses whatever the load: waiting
	 * longer then only delays the input.
	 * @param failure the failure of the attempt
	 * @param refusedWhateverTheLoad whether the API refuses a share of the attempts
	 * whatever the load
	 * @param now the current {@link System#nanoTime()}
	 * @return how long to wait before retrying, or {@code null} not to retry
	 */
	@Nullable Duration retryDelay(Throwable failure, boolean refusedWhateverTheLoad, long now) {
		boolean refused = this.call.isRefusal(failure);
		long refusal = (!refused) ? this.refusals : (refusedWhateverTheLoad ? 1 : this.refusals + 1L);
		Duration delay = this.call.retryDelay(failure, this.retries + 1L, refusal, this.deadline - now);
		if (delay != null && refused) {
			this.refusals++;
		}
		else if (delay != null) {
			this.retries++;
		}
		return delay;
	}

	/**
	 * Return the exception that ends the call after its last attempt failed.
	 * @param failure the failure of the last attempt
	 * @return the exception
	 */
	TuneTheModelException failure(Throwable failure) {
		return this.call.failure(failure, this.attempts);
	}

	/**
	 * Return the exception of a call whose time was up before its next attempt.
	 * @return the exception
	 */
	TuneTheModelTimeoutException timedOut() {
		return this.call.timedOut(this.attempts);
	}

}

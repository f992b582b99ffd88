package dev.tunethemodel.client;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.FluxSink;

/**
 * The results of a bulk call, passed on in input order: a window of slots for results
 * that came before an earlier one, and the earliest input that failed. Not thread-safe:
 * used by the bulk call's drain loop only.
 *
 * @param <R> the type of a result
 */
final class InOrderResults<R> {

	private static final long NONE = Long.MAX_VALUE;

	private final Object[] slots;

	private long passedOn;

	private long failedAt = NONE;

	private @Nullable Throwable failure;

	/**
	 * Create the results of one bulk call.
	 * @param window how many inputs may be started and not yet passed on
	 */
	InOrderResults(int window) {
		this.slots = new Object[window];
	}

	/**
	 * Return how many inputs may be started and not yet passed on.
	 * @return the size of the window
	 */
	int window() {
		return this.slots.length;
	}

	/**
	 * Return how many results were passed on.
	 * @return the position of the next result to pass on
	 */
	long passedOn() {
		return this.passedOn;
	}

	/**
	 * Return whether an input failed.
	 * @return whether the results end with a failure
	 */
	boolean failed() {
		return this.failedAt != NONE;
	}

	/**
	 * Return whether an input still counts: it comes before any that failed.
	 * @param position the position of the input
	 * @return whether its result will be passed on
	 */
	boolean counts(long position) {
		return position < this.failedAt;
	}

	/**
	 * Keep the result of an input until its turn, within the window.
	 * @param position the position of the input
	 * @param result its result
	 */
	void put(long position, R result) {
		this.slots[slot(position)] = result;
	}

	/**
	 * Take note of an input that failed; the earliest one ends the results.
	 * @param position the position of the input
	 * @param failure the exception that ends the results
	 */
	void fail(long position, Throwable failure) {
		if (position < this.failedAt) {
			this.failedAt = position;
			this.failure = failure;
		}
	}

	/**
	 * Pass on the results that are next in order, as many as are asked for.
	 * @param sink where to pass them on
	 * @param started how many inputs were started
	 * @return the exception that ends the results when its turn has come, else
	 * {@code null}
	 */
	@Nullable Throwable passOn(FluxSink<R> sink, long started) {
		while (this.passedOn < started && this.passedOn != this.failedAt && sink.requestedFromDownstream() > 0) {
			int slot = slot(this.passedOn);
			@SuppressWarnings("unchecked")
			R result = (R) this.slots[slot];
			if (result == null) {
				return null;
			}
			this.slots[slot] = null;
			this.passedOn++;
			sink.next(result);
		}
		return (this.passedOn == this.failedAt) ? this.failure : null;
	}

	/**
	 * Drop every result kept.
	 */
	void clear() {
		Arrays.fill(this.slots, null);
	}

	private int slot(long position) {
		return (int) (position % this.slots.length);
	}

}

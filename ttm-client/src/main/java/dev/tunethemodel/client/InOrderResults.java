package dev.tunethemodel.client;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * The results of a bulk call, passed on to its subscriber in input order and as many as
 * it asked for: a window of slots for results that came before an earlier one, which
 * doubles as results wait behind an earlier input up to the maximum buffered, and the
 * earliest input that failed. Only {@link #request(long)} is thread-safe; the rest is
 * used by the bulk call's drain loop only.
 *
 * @param <R> the type of a result
 */
final class InOrderResults<R> {

	private static final long NONE = Long.MAX_VALUE;

	private static final int MIN_WINDOW = 1024;

	@SuppressWarnings("rawtypes")
	private static final AtomicLongFieldUpdater<InOrderResults> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(InOrderResults.class, "requested");

	private final CoreSubscriber<? super R> subscriber;

	private final int maxConcurrency;

	private final int maxBuffered;

	private Object[] slots;

	private volatile long requested;

	private long passedOn;

	private long failedAt = NONE;

	private @Nullable Throwable failure;

	/**
	 * Create the results of one bulk call.
	 * @param subscriber the subscriber of the results
	 * @param maxConcurrency the maximum number of attempts in flight
	 * @param maxBuffered the maximum number of inputs started and not yet passed on
	 */
	InOrderResults(CoreSubscriber<? super R> subscriber, int maxConcurrency, int maxBuffered) {
		this.subscriber = subscriber;
		this.maxConcurrency = maxConcurrency;
		this.maxBuffered = maxBuffered;
		this.slots = new Object[Math.min(maxBuffered, Math.max(MIN_WINDOW, 4 * maxConcurrency))];
	}

	/**
	 * Return whether another input may start: no input failed, and the inputs started and
	 * not yet passed on are fewer than the maximum buffered and than the results asked
	 * for plus the maximum number of attempts in flight.
	 * @param started how many inputs were started
	 * @return whether one more may start
	 */
	boolean hasRoom(long started) {
		long open = started - this.passedOn;
		long demand = this.requested;
		return !failed() && open < this.maxBuffered
				&& (demand > Long.MAX_VALUE - this.maxConcurrency || open < demand + this.maxConcurrency);
	}

	/**
	 * Return how many results the window has slots for now.
	 * @return the size of the window
	 */
	int window() {
		return this.slots.length;
	}

	/**
	 * Take note of results asked for by the subscriber, from any thread.
	 * @param n how many more results it asks for
	 */
	void request(long n) {
		Operators.addCap(REQUESTED, this, n);
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
	 * Keep the result of an input until its turn, the window doubled when the input is
	 * past its end: {@link #hasRoom(long)} keeps it within the maximum buffered.
	 * @param position the position of the input
	 * @param result its result
	 */
	void put(long position, R result) {
		while (position - this.passedOn >= this.slots.length) {
			grow();
		}
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
	 * @param started how many inputs were started
	 * @return the exception that ends the results when its turn has come, else
	 * {@code null}
	 */
	@Nullable Throwable passOn(long started) {
		long demand = this.requested;
		long passed = 0;
		while (this.passedOn < started && this.passedOn != this.failedAt && passed < demand) {
			int slot = slot(this.passedOn);
			@SuppressWarnings("unchecked")
			R result = (R) this.slots[slot];
			if (result == null) {
				break;
			}
			this.slots[slot] = null;
			this.passedOn++;
			passed++;
			this.subscriber.onNext(result);
		}
		if (passed > 0) {
			Operators.produced(REQUESTED, this, passed);
		}
		return (this.passedOn == this.failedAt) ? this.failure : null;
	}

	/**
	 * Drop every result kept.
	 */
	void clear() {
		Arrays.fill(this.slots, null);
	}

	private void grow() {
		Object[] grown = new Object[(int) Math.min(this.maxBuffered, 2L * this.slots.length)];
		for (long position = this.passedOn; position < this.passedOn + this.slots.length; position++) {
			grown[(int) (position % grown.length)] = this.slots[slot(position)];
		}
		this.slots = grown;
	}

	private int slot(long position) {
		return (int) (position % this.slots.length);
	}

}

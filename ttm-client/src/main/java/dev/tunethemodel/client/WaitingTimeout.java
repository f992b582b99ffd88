package dev.tunethemodel.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Ends a stream whose source keeps its subscriber waiting longer, in total, than a
 * timeout: only the time during which entries are asked for and not yet passed on counts,
 * so that a subscriber that takes its time between requests is not failed for it, while a
 * source that dribbles is.
 *
 * @param <T> the type of an entry
 */
final class WaitingTimeout<T> implements CoreSubscriber<T>, Subscription {

	private final CoreSubscriber<? super T> actual;

	private final Supplier<? extends Throwable> timeoutError;

	private final Scheduler scheduler;

	private final LongSupplier nanoTime;

	// set by onSubscribe, which Reactive Streams calls before any request or cancel
	@SuppressWarnings("NullAway.Init")
	private Subscription upstream;

	// the fields below are guarded by this object's lock

	private long remainingNanos;

	private long outstanding;

	private long waitingSince;

	private long waits;

	private @Nullable Disposable timer;

	private boolean done;

	private WaitingTimeout(CoreSubscriber<? super T> actual, Duration timeout,
			Supplier<? extends Throwable> timeoutError, Scheduler scheduler, LongSupplier nanoTime) {
		// the timer's error may meet an entry: the subscriber gets one at a time
		this.actual = Operators.serialize(actual);
		this.remainingNanos = timeout.toNanos();
		this.timeoutError = timeoutError;
		this.scheduler = scheduler;
		this.nanoTime = nanoTime;
	}

	/**
	 * Apply a timeout to the time a stream keeps its subscriber waiting.
	 * @param <T> the type of an entry
	 * @param source the stream
	 * @param timeout the longest time, in total, the source may take to pass on the
	 * entries asked for
	 * @param timeoutError the error that ends the stream when the time is up
	 * @return the stream, ended by the timeout
	 */
	static <T> Flux<T> apply(Flux<T> source, Duration timeout, Supplier<? extends Throwable> timeoutError) {
		return apply(source, timeout, timeoutError, Schedulers.parallel(), System::nanoTime);
	}

	/**
	 * Apply a timeout, on a given scheduler and clock, to the time a stream keeps its
	 * subscriber waiting.
	 * @param <T> the type of an entry
	 * @param source the stream
	 * @param timeout the longest time, in total, the source may take to pass on the
	 * entries asked for
	 * @param timeoutError the error that ends the stream when the time is up
	 * @param scheduler runs the timer
	 * @param nanoTime the clock that measures the waits, in nanoseconds
	 * @return the stream, ended by the timeout
	 */
	static <T> Flux<T> apply(Flux<T> source, Duration timeout, Supplier<? extends Throwable> timeoutError,
			Scheduler scheduler, LongSupplier nanoTime) {
		return source.transform(Operators.<T, T>lift(
				(scannable, actual) -> new WaitingTimeout<T>(actual, timeout, timeoutError, scheduler, nanoTime)));
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (Operators.validate(this.upstream, subscription)) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n)) {
			return;
		}
		synchronized (this) {
			boolean idle = this.outstanding == 0;
			this.outstanding = Operators.addCap(this.outstanding, n);
			if (idle && !this.done) {
				startWaiting();
			}
		}
		this.upstream.request(n);
	}

	@Override
	public void onNext(T entry) {
		synchronized (this) {
			if (this.done) {
				Operators.onDiscard(entry, currentContext());
				return;
			}
			// an unbounded demand is never met: the time runs until the end
			if (this.outstanding != Long.MAX_VALUE && --this.outstanding == 0) {
				stopWaiting();
			}
		}
		this.actual.onNext(entry);
	}

	@Override
	public void onError(Throwable error) {
		synchronized (this) {
			if (this.done) {
				Operators.onErrorDropped(error, currentContext());
				return;
			}
			end();
		}
		this.actual.onError(error);
	}

	@Override
	public void onComplete() {
		synchronized (this) {
			if (this.done) {
				return;
			}
			end();
		}
		this.actual.onComplete();
	}

	@Override
	public void cancel() {
		synchronized (this) {
			end();
		}
		this.upstream.cancel();
	}

	private void startWaiting() {
		this.waitingSince = this.nanoTime.getAsLong();
		long wait = ++this.waits;
		this.timer = this.scheduler.schedule(() -> expire(wait), Math.max(this.remainingNanos, 0),
				TimeUnit.NANOSECONDS);
	}

	private void stopWaiting() {
		this.remainingNanos -= this.nanoTime.getAsLong() - this.waitingSince;
		cancelTimer();
	}

	private void end() {
		this.done = true;
		cancelTimer();
	}

	private void cancelTimer() {
		if (this.timer != null) {
			this.timer.dispose();
			this.timer = null;
		}
	}

	private void expire(long wait) {
		synchronized (this) {
			// a timer of an earlier wait may run while it is cancelled
			if (this.done || wait != this.waits || this.timer == null) {
				return;
			}
			this.done = true;
			this.timer = null;
		}
		this.upstream.cancel();
		this.actual.onError(this.timeoutError.get());
	}

}

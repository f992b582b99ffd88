package dev.tunethemodel.connector;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * A fixed number of permits, each for one request in flight, handed out without blocking:
 * a request waits in a queue, first come first served, up to a timeout.
 */
final class ConnectionPermits {

	private final int maxPermits;

	private final Duration timeout;

	// guarded by this; a set, so that a cancelled waiter leaves in constant time
	private final LinkedHashSet<Waiter> waiters = new LinkedHashSet<>();

	private int available;

	private boolean closed;

	/**
	 * Create permits.
	 * @param maxPermits how many requests may be in flight at once
	 * @param timeout the longest wait for a permit
	 */
	ConnectionPermits(int maxPermits, Duration timeout) {
		this.maxPermits = maxPermits;
		this.timeout = timeout;
		this.available = maxPermits;
	}

	/**
	 * Return a permit when one is free, or an error when none is within the timeout.
	 * @return the permit, to release when the request ends
	 */
	Mono<Permit> acquire() {
		return Mono.<Permit>create(this::acquire)
			// a permit granted to a waiter that was cancelled meanwhile
			.doOnDiscard(Permit.class, Permit::release);
	}

	private void acquire(MonoSink<Permit> sink) {
		Waiter waiter = new Waiter(sink);
		// a sink cancelled as its permit arrives may drop it rather than discard it
		sink.onCancel(() -> cancel(waiter));
		sink.onDispose(waiter.timer);
		Permit granted = null;
		boolean queued = false;
		boolean refused;
		synchronized (this) {
			refused = this.closed;
			if (!refused && !waiter.cancelled) {
				if (this.available > 0) {
					this.available--;
					granted = new Permit();
					waiter.granted = granted;
				}
				else {
					queued = this.waiters.add(waiter);
				}
			}
		}
		if (refused) {
			sink.error(new IllegalStateException("The Tune the Model connector is closed"));
		}
		else if (granted != null) {
			sink.success(granted);
		}
		else if (queued) {
			waiter.timer.update(
					Schedulers.parallel().schedule(() -> expire(waiter), this.timeout.toNanos(), TimeUnit.NANOSECONDS));
		}
	}

	private void cancel(Waiter waiter) {
		Permit granted;
		synchronized (this) {
			waiter.cancelled = true;
			this.waiters.remove(waiter);
			granted = waiter.granted;
		}
		// whoever else holds it releases the same permit: only the first release counts
		if (granted != null) {
			granted.release();
		}
	}

	private void expire(Waiter waiter) {
		boolean removed;
		synchronized (this) {
			removed = this.waiters.remove(waiter);
		}
		if (removed) {
			waiter.sink.error(new TimeoutException("No connection was free within " + format(this.timeout)
					+ " (tunethemodel.pool.pending-acquire-timeout) while " + this.maxPermits
					+ " requests were in flight (tunethemodel.pool.max-connections)"));
		}
	}

	private void release() {
		Waiter next;
		Permit granted;
		synchronized (this) {
			next = poll();
			if (next == null) {
				this.available++;
				return;
			}
			granted = new Permit();
			next.granted = granted;
		}
		next.timer.dispose();
		next.sink.success(granted);
	}

	private @Nullable Waiter poll() {
		Iterator<Waiter> iterator = this.waiters.iterator();
		if (!iterator.hasNext()) {
			return null;
		}
		Waiter next = iterator.next();
		iterator.remove();
		return next;
	}

	/**
	 * Refuse every waiting and every later request.
	 */
	void close() {
		Waiter[] refused;
		synchronized (this) {
			this.closed = true;
			refused = this.waiters.toArray(new Waiter[0]);
			this.waiters.clear();
		}
		for (Waiter waiter : refused) {
			waiter.timer.dispose();
			waiter.sink.error(new IllegalStateException("The Tune the Model connector is closed"));
		}
	}

	/**
	 * Return how many permits are free.
	 * @return the number of free permits
	 */
	synchronized int available() {
		return this.available;
	}

	/**
	 * Return how many requests wait for a permit.
	 * @return the number of waiting requests
	 */
	synchronized int waiting() {
		return this.waiters.size();
	}

	private static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/**
	 * A request's right to be in flight, released once, by whichever of its ends comes
	 * first.
	 */
	final class Permit {

		private final AtomicBoolean released = new AtomicBoolean();

		/**
		 * Give the permit back, for the next waiting request; later calls do nothing.
		 */
		void release() {
			if (this.released.compareAndSet(false, true)) {
				ConnectionPermits.this.release();
			}
		}

	}

	private static final class Waiter {

		private final MonoSink<Permit> sink;

		private final Disposable.Swap timer = Disposables.swap();

		// guarded by the permits
		private boolean cancelled;

		// guarded by the permits
		private @Nullable Permit granted;

		Waiter(MonoSink<Permit> sink) {
			this.sink = sink;
		}

	}

}

package dev.tunethemodel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The concurrency of the bulk calls of one account on one model: what
 * {@link AdaptiveConcurrency} learned, kept from one call to the next and shared by the
 * calls that run at once, and the attempts in flight of them all, which together stay
 * within its permits. A call that finds no permit free is woken when an attempt ends.
 * What was learned is forgotten when no bulk call used it for a while: the API's capacity
 * may have changed since. Thread-safe: its lock is held briefly, and never while a call
 * is woken.
 */
final class ModelConcurrency {

	private final int max;

	private final Duration maxHold;

	private final long forgetAfterNanos;

	private final LongSupplier clock;

	private final Set<Runnable> waiting = new LinkedHashSet<>();

	private AdaptiveConcurrency learned;

	private int inFlight;

	private int calls;

	private long lastUsed;

	/**
	 * Create the concurrency of one account on one model, learned from its first call.
	 * @param max the maximum number of attempts in flight, at least 1
	 * @param maxHold the longest time a wait the API asks for holds the growth back
	 * @param forgetAfter how long what was learned is kept without a bulk call
	 * @param clock the current time in nanoseconds, as {@link System#nanoTime()}
	 */
	ModelConcurrency(int max, Duration maxHold, Duration forgetAfter, LongSupplier clock) {
		this.max = max;
		this.maxHold = maxHold;
		this.forgetAfterNanos = forgetAfter.toNanos();
		this.clock = clock;
		this.lastUsed = clock.getAsLong();
		this.learned = new AdaptiveConcurrency(max, maxHold, this.lastUsed);
	}

	/**
	 * Take note of a bulk call that starts, starting over when none ran for long.
	 */
	synchronized void open() {
		long now = this.clock.getAsLong();
		if (this.calls == 0 && now - this.lastUsed >= this.forgetAfterNanos) {
			this.learned = new AdaptiveConcurrency(this.max, this.maxHold, now);
		}
		this.calls++;
	}

	/**
	 * Take note of a bulk call that ended; its attempts still in flight are released as
	 * they end.
	 * @param wakeUp what the call was woken by
	 */
	synchronized void close(Runnable wakeUp) {
		this.calls--;
		this.lastUsed = this.clock.getAsLong();
		this.waiting.remove(wakeUp);
	}

	/**
	 * Take a permit for an attempt, or else have the call woken when an attempt ends.
	 * @param now the current {@link System#nanoTime()}
	 * @param wakeUp runs the call again, on the thread an attempt ends on
	 * @return whether the permit was taken, or else why not
	 */
	synchronized Permit tryAcquire(long now, Runnable wakeUp) {
		int permits = this.learned.permits(now);
		if (this.inFlight < permits) {
			this.inFlight++;
			this.waiting.remove(wakeUp);
			return Permit.TAKEN;
		}
		this.waiting.add(wakeUp);
		return (permits != 0) ? Permit.ALL_TAKEN : Permit.PAUSED;
	}

	/**
	 * Give back the permit of an attempt that ended, or was not started, and wake the
	 * calls that wait for one.
	 */
	void release() {
		List<Runnable> woken;
		synchronized (this) {
			this.inFlight--;
			if (this.waiting.isEmpty()) {
				return;
			}
			woken = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		woken.forEach(Runnable::run);
	}

	/**
	 * Return how many attempts are in flight, over every bulk call.
	 * @return the number of permits taken
	 */
	synchronized int inFlight() {
		return this.inFlight;
	}

	/**
	 * Return how many attempts may be in flight now.
	 * @param now the current {@link System#nanoTime()}
	 * @return the number, 0 while paused
	 * @see AdaptiveConcurrency#permits(long)
	 */
	synchronized int permits(long now) {
		return this.learned.permits(now);
	}

	/**
	 * Return when a pause ends.
	 * @return the {@link System#nanoTime()} when attempts may start again
	 * @see AdaptiveConcurrency#pausedUntil()
	 */
	synchronized long pausedUntil() {
		return this.learned.pausedUntil();
	}

	/**
	 * Return the number of the current level.
	 * @return the epoch
	 * @see AdaptiveConcurrency#epoch()
	 */
	synchronized long epoch() {
		return this.learned.epoch();
	}

	/**
	 * Return whether the API refuses a share of the attempts whatever the load.
	 * @return whether refusals were found not to depend on the load
	 * @see AdaptiveConcurrency#refusesWhateverTheLoad()
	 */
	synchronized boolean refusesWhateverTheLoad() {
		return this.learned.refusesWhateverTheLoad();
	}

	/**
	 * Take note of a response that came back fine.
	 * @param attemptEpoch the epoch when the attempt started
	 * @param latencyNanos how long the attempt took
	 * @param callStartedAt when the attempt's bulk call started
	 * @param now the current {@link System#nanoTime()}
	 * @see AdaptiveConcurrency#succeeded(long, long, long, long)
	 */
	synchronized void succeeded(long attemptEpoch, long latencyNanos, long callStartedAt, long now) {
		this.learned.succeeded(attemptEpoch, latencyNanos, callStartedAt, now);
	}

	/**
	 * Take note of a response that says the API is overloaded.
	 * @param attemptEpoch the epoch when the attempt started
	 * @param inFlightAtStart the attempts in flight when it started, itself included
	 * @param wait how long the attempt waits, or else how long the API asked to wait
	 * @param now the current {@link System#nanoTime()}
	 * @see AdaptiveConcurrency#overloaded(long, int, Duration, long)
	 */
	synchronized void overloaded(long attemptEpoch, int inFlightAtStart, @Nullable Duration wait, long now) {
		this.learned.overloaded(attemptEpoch, inFlightAtStart, wait, now);
	}

	/**
	 * What came of asking for a permit.
	 */
	enum Permit {

		/** The permit was taken: the attempt may start. */
		TAKEN,

		/** Every permit is taken: the call is woken when an attempt ends. */
		ALL_TAKEN,

		/**
		 * The attempts are paused: the call is woken when an attempt ends, or must wake
		 * itself when the pause ends.
		 */
		PAUSED

	}

}

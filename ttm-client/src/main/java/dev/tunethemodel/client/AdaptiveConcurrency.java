package dev.tunethemodel.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many attempts of a bulk call may be in flight, adapted to what the API takes. It
 * starts at one and grows while answers come back fine and no slower than twice the usual
 * latency: by one per answer up to the highest level known to be accepted (so it doubles
 * each round trip), then by one per round trip. When the API says it is overloaded (a 429
 * or a 503) it halves, and does not grow past the level below the rejected one until the
 * wait the API asked for has passed, twice as long each time the same level is refused
 * again (up to 16 times); at a single attempt in flight, it sends nothing more until the
 * wait has passed. Not thread-safe: one caller at a time.
 */
final class AdaptiveConcurrency {

	private static final double LATENCY_TOLERANCE = 2.0;

	// how fast the usual latency follows slower answers: over about 64 answers
	private static final int LATENCY_DRIFT = 64;

	private static final Duration DEFAULT_HOLD = Duration.ofSeconds(1);

	private static final int MAX_HOLD_FACTOR = 16;

	private final int max;

	private final long maxHoldNanos;

	private double limit = 1;

	private int ceiling;

	private long epoch;

	private int refusedLevel;

	private int holdFactor = 1;

	private long holdUntil;

	private long pausedUntil;

	private boolean paused;

	private long usualLatency = Long.MAX_VALUE;

	/**
	 * Create the concurrency of one bulk call.
	 * @param max the most attempts in flight, at least 1
	 * @param maxHold the longest time a wait the API asks for holds the growth back
	 * @param now the current {@link System#nanoTime()}
	 */
	AdaptiveConcurrency(int max, Duration maxHold, long now) {
		this.max = max;
		this.ceiling = max;
		this.maxHoldNanos = maxHold.toNanos();
		this.holdUntil = now;
		this.pausedUntil = now;
	}

	/**
	 * Return how many attempts may be in flight now.
	 * @param now the current {@link System#nanoTime()}
	 * @return the number, 0 while paused
	 */
	int permits(long now) {
		if (this.paused && now - this.pausedUntil < 0) {
			return 0;
		}
		this.paused = false;
		return (int) this.limit;
	}

	/**
	 * Return when a pause ends.
	 * @return the {@link System#nanoTime()} when attempts may start again
	 */
	long pausedUntil() {
		return this.pausedUntil;
	}

	/**
	 * Return the number of the current level, which every decrease changes; an attempt
	 * gives it back with its answer so that one round of rejections counts once.
	 * @return the epoch
	 */
	long epoch() {
		return this.epoch;
	}

	/**
	 * Take note of an answer that came back fine.
	 * @param latencyNanos how long the attempt took
	 * @param now the current {@link System#nanoTime()}
	 */
	void succeeded(long latencyNanos, long now) {
		this.usualLatency = (latencyNanos < this.usualLatency) ? latencyNanos
				: this.usualLatency + (latencyNanos - this.usualLatency) / LATENCY_DRIFT;
		if (latencyNanos > this.usualLatency * LATENCY_TOLERANCE) {
			return;
		}
		if (this.limit < this.ceiling) {
			this.limit = Math.min(this.ceiling, this.limit + 1);
		}
		else if (now - this.holdUntil >= 0) {
			this.limit = Math.min(this.max, this.limit + 1 / this.limit);
		}
	}

	/**
	 * Take note of an answer that says the API is overloaded.
	 * @param attemptEpoch the epoch when the attempt started
	 * @param retryAfter how long the API asked to wait, {@code null} when it did not say
	 * @param now the current {@link System#nanoTime()}
	 */
	void overloaded(long attemptEpoch, @Nullable Duration retryAfter, long now) {
		long waitNanos = nanos((retryAfter != null) ? retryAfter : DEFAULT_HOLD);
		// attempts sent before the last decrease were sent at the old level
		if (attemptEpoch != this.epoch) {
			holdUntil(now + waitNanos);
			return;
		}
		this.epoch++;
		int level = (int) this.limit;
		// a level refused again is tried half as often: each refused attempt waits its
		// turn
		this.holdFactor = (level == this.refusedLevel) ? Math.min(2 * this.holdFactor, MAX_HOLD_FACTOR) : 1;
		this.refusedLevel = level;
		holdUntil(now + Math.min(waitNanos * this.holdFactor, this.maxHoldNanos));
		if (this.limit < 2) {
			this.paused = true;
			this.pausedUntil = now + waitNanos;
		}
		this.ceiling = Math.max(1, level - 1);
		this.limit = Math.max(1, this.limit / 2);
	}

	private void holdUntil(long until) {
		if (until - this.holdUntil > 0) {
			this.holdUntil = until;
		}
	}

	private long nanos(Duration wait) {
		return (wait.compareTo(Duration.ofNanos(this.maxHoldNanos)) < 0) ? wait.toNanos() : this.maxHoldNanos;
	}

}

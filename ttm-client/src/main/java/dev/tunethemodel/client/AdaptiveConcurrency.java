package dev.tunethemodel.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many attempts of a bulk call may be in flight, adapted to what the API takes. It
 * starts at one and grows while responses come back fine and no slower than twice the
 * usual latency: by one per response up to the highest level known to be accepted (so it
 * doubles each round trip), then by one per round trip. When the API says it is
 * overloaded (a 429 or a 503) it halves, and does not grow past the level below the
 * refused one, or below the attempts in flight when the refused one started if fewer,
 * until the wait asked for has passed, twice as long each time the same level is refused
 * again (up to 16 times); at a single attempt in flight, it sends nothing more until the
 * wait has passed. A refused attempt holds its call back for that wait, so past the level
 * below the refused one it grows only for a call that has run longer than the wait, or
 * once the longest hold has passed since the last refusal: calls shorter than the wait,
 * one after the other, keep the level learned rather than each paying a wait.
 * <p>
 * Overload refuses fewer attempts at a lower level; an API that refuses a share of the
 * attempts whatever the load does not. So the lower level is held for a round of
 * responses (16, or the level if more) and judged: when refusals go on there while
 * responses succeed, and the share refused did not halve nor the share accepted grow by
 * half, they do not depend on the load. The level before the decrease then comes back,
 * and that share of refusals no longer lowers it, until a round has none; a round
 * refusing more than halfway from that share to all is overload again, judged the same
 * way. Not thread-safe: one caller at a time.
 */
final class AdaptiveConcurrency {

	private static final double LATENCY_TOLERANCE = 2.0;

	// how fast the usual latency follows slower responses: over about 64 responses
	private static final int LATENCY_DRIFT = 64;

	private static final Duration DEFAULT_HOLD = Duration.ofSeconds(1);

	private static final int MAX_HOLD_FACTOR = 16;

	// enough responses to tell a share of refusals apart from chance
	private static final int MIN_ROUND = 16;

	private final int max;

	private final long maxHoldNanos;

	private Round current = new Round(0);

	private Round beforeDecrease = new Round(-1);

	private double limit = 1;

	private int ceiling;

	private int refusedLevel;

	private int holdFactor = 1;

	private long holdUntil;

	private long refusedAt;

	private long refusedWaitNanos;

	private long pausedUntil;

	private boolean paused;

	private long usualLatency = Long.MAX_VALUE;

	private boolean judging;

	private double limitBeforeDecrease;

	private int ceilingBeforeDecrease;

	// the share of responses refused whatever the level, 0 while refusals mean overload
	private double steadyRefusals;

	/**
	 * Create the concurrency of one bulk call.
	 * @param max the maximum number of attempts in flight, at least 1
	 * @param maxHold the longest time a wait the API asks for holds the growth back
	 * @param now the current {@link System#nanoTime()}
	 */
	AdaptiveConcurrency(int max, Duration maxHold, long now) {
		this.max = max;
		this.ceiling = max;
		this.maxHoldNanos = maxHold.toNanos();
		this.holdUntil = now;
		this.pausedUntil = now;
		this.refusedAt = now;
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
	 * Return the number of the current level, which every change of level by a refusal
	 * changes; an attempt gives it back with its response so that one round of refusals
	 * counts once, and each response counts for the level it was sent at.
	 * @return the epoch
	 */
	long epoch() {
		return this.current.epoch;
	}

	/**
	 * Return whether the API refuses a share of the attempts whatever the load, so that a
	 * refused attempt need not wait longer each time it is refused again.
	 * @return whether refusals were found not to depend on the load
	 */
	boolean refusesWhateverTheLoad() {
		return this.steadyRefusals > 0;
	}

	/**
	 * Take note of a response that came back fine.
	 * @param attemptEpoch the epoch when the attempt started
	 * @param latencyNanos how long the attempt took
	 * @param callStartedAt the {@link System#nanoTime()} when the attempt's bulk call
	 * started
	 * @param now the current {@link System#nanoTime()}
	 */
	void succeeded(long attemptEpoch, long latencyNanos, long callStartedAt, long now) {
		this.usualLatency = (latencyNanos < this.usualLatency) ? latencyNanos
				: this.usualLatency + (latencyNanos - this.usualLatency) / LATENCY_DRIFT;
		if (count(attemptEpoch, false) && roundEnded(nanos(DEFAULT_HOLD), now)) {
			return;
		}
		if (this.judging || latencyNanos > this.usualLatency * LATENCY_TOLERANCE) {
			return;
		}
		if (this.limit < this.ceiling) {
			this.limit = Math.min(this.ceiling, this.limit + 1);
		}
		else if (now - this.holdUntil >= 0 && mayProbe(callStartedAt, now)) {
			this.limit = Math.min(this.max, this.limit + 1 / this.limit);
		}
	}

	// a refused probe costs a call shorter than the wait that whole wait
	private boolean mayProbe(long callStartedAt, long now) {
		return now - callStartedAt >= this.refusedWaitNanos || now - this.refusedAt >= this.maxHoldNanos;
	}

	/**
	 * Take note of a response that says the API is overloaded.
	 * @param attemptEpoch the epoch when the attempt started
	 * @param inFlightAtStart the attempts in flight when the attempt started, itself
	 * included
	 * @param wait how long the attempt waits before it is retried, or else how long the
	 * API asked to wait; {@code null} when neither is known
	 * @param now the current {@link System#nanoTime()}
	 */
	void overloaded(long attemptEpoch, int inFlightAtStart, @Nullable Duration wait, long now) {
		long waitNanos = nanos((wait != null) ? wait : DEFAULT_HOLD);
		// attempts sent before the last change were sent at another level
		if (!count(attemptEpoch, true)) {
			holdUntil(now + waitNanos);
			return;
		}
		if (roundEnded(waitNanos, now) || this.judging || this.steadyRefusals > 0) {
			return;
		}
		decrease(waitNanos, inFlightAtStart, now);
	}

	// whether the attempt was sent at the current level
	private boolean count(long attemptEpoch, boolean refused) {
		if (attemptEpoch == this.current.epoch) {
			this.current.count(refused);
			return true;
		}
		if (attemptEpoch == this.beforeDecrease.epoch) {
			this.beforeDecrease.count(refused);
		}
		return false;
	}

	// a round of responses decides on the decrease being judged, or on steady refusals
	private boolean roundEnded(long waitNanos, long now) {
		Round round = this.current;
		int level = (int) this.limit;
		// a whole level refused, and half a round at least, nothing accepted, is overload
		// without waiting for more
		boolean allRefused = this.judging && round.refusals >= Math.max(level, MIN_ROUND / 2)
				&& round.refusals == round.responses;
		if (round.responses < Math.max(MIN_ROUND, level) && !allRefused) {
			return false;
		}
		double refused = round.roundShare();
		round.next();
		if (this.judging) {
			this.judging = false;
			if (isRefusedWhateverTheLoad(this.beforeDecrease.refusedShare(), refused)) {
				this.steadyRefusals = refused;
				restore(now);
			}
			return true;
		}
		if (refused == 0) {
			this.steadyRefusals = 0;
		}
		else if (this.steadyRefusals > 0 && refused > this.steadyRefusals + (1 - this.steadyRefusals) / 2) {
			// overload on top of the steady refusals
			decrease(waitNanos, (int) this.limit, now);
			return true;
		}
		return false;
	}

	// overload refuses a far smaller share, or accepts a far larger one, at half the
	// level
	private static boolean isRefusedWhateverTheLoad(double refusedBefore, double refusedAfter) {
		return refusedAfter > 0 && refusedAfter < 1 && refusedAfter > refusedBefore / 2
				&& (1 - refusedAfter) < 1.5 * (1 - refusedBefore);
	}

	private void decrease(long waitNanos, int inFlightAtStart, long now) {
		int level = (int) this.limit;
		this.refusedAt = now;
		this.refusedWaitNanos = waitNanos;
		// a level refused again is tried half as often: each refused attempt waits its
		// turn
		this.holdFactor = (level == this.refusedLevel) ? Math.min(2 * this.holdFactor, MAX_HOLD_FACTOR) : 1;
		this.refusedLevel = level;
		holdUntil(now + Math.min(waitNanos * this.holdFactor, this.maxHoldNanos));
		if (level < 2) {
			this.paused = true;
			this.pausedUntil = now + waitNanos;
		}
		else {
			this.judging = true;
			this.limitBeforeDecrease = this.limit;
			this.ceilingBeforeDecrease = this.ceiling;
		}
		nextLevel();
		// in a fast climb, far fewer attempts than the level may have been in flight
		this.ceiling = Math.max(1, Math.min(level, inFlightAtStart) - 1);
		this.limit = Math.max(1, Math.min(this.limit / 2, this.ceiling));
	}

	private void restore(long now) {
		nextLevel();
		this.limit = this.limitBeforeDecrease;
		this.ceiling = this.ceilingBeforeDecrease;
		this.holdUntil = now;
		this.holdFactor = 1;
		this.refusedLevel = 0;
	}

	private void nextLevel() {
		Round ended = this.current;
		this.current = this.beforeDecrease;
		this.current.start(ended.epoch + 1);
		this.beforeDecrease = ended;
	}

	private void holdUntil(long until) {
		if (until - this.holdUntil > 0) {
			this.holdUntil = until;
		}
	}

	private long nanos(Duration wait) {
		return (wait.compareTo(Duration.ofNanos(this.maxHoldNanos)) < 0) ? wait.toNanos() : this.maxHoldNanos;
	}

	/**
	 * The responses to the attempts sent at one level: those of the current round, and of
	 * the round before it at the same level, so that a share is measured over at least
	 * one round.
	 */
	private static final class Round {

		private long epoch;

		private long responses;

		private long refusals;

		private long earlierResponses;

		private long earlierRefusals;

		Round(long epoch) {
			this.epoch = epoch;
		}

		void start(long epoch) {
			this.epoch = epoch;
			this.responses = 0;
			this.refusals = 0;
			this.earlierResponses = 0;
			this.earlierRefusals = 0;
		}

		void count(boolean refused) {
			this.responses++;
			if (refused) {
				this.refusals++;
			}
		}

		void next() {
			this.earlierResponses = this.responses;
			this.earlierRefusals = this.refusals;
			this.responses = 0;
			this.refusals = 0;
		}

		double roundShare() {
			return (this.responses != 0) ? (double) this.refusals / this.responses : 0;
		}

		double refusedShare() {
			long responses = this.responses + this.earlierResponses;
			return (responses != 0) ? (double) (this.refusals + this.earlierRefusals) / responses : 0;
		}

	}

}

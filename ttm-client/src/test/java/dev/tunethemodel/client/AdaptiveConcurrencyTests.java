package dev.tunethemodel.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AdaptiveConcurrency}, on a clock of its own.
 */
class AdaptiveConcurrencyTests {

	private static final long MS = 1_000_000;

	private static final long LATENCY = 20 * MS;

	private long now = 1_000 * MS;

	private final AdaptiveConcurrency concurrency = new AdaptiveConcurrency(32, Duration.ofSeconds(60), this.now);

	// a bulk call long enough to probe past the level accepted; the short ones set it
	private long callStartedAt = this.now - 600_000 * MS;

	@Test
	void startsAtOneAndGrowsByOnePerAnswerUpToTheMost() {
		assertThat(this.concurrency.permits(this.now)).isEqualTo(1);
		succeed(1);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(2);
		succeed(2);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(4);
		succeed(100);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(32);
	}

	@Test
	void slowerAnswersHoldTheGrowth() {
		succeed(7);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(8);
		for (int i = 0; i < 5; i++) {
			this.concurrency.succeeded(this.concurrency.epoch(), 3 * LATENCY, this.callStartedAt, this.now);
		}
		assertThat(this.concurrency.permits(this.now)).isEqualTo(8);
	}

	@Test
	void overloadHalvesAndHoldsBelowTheRefusedLevelForTheRetryAfter() {
		succeed(16);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
		overloaded(this.concurrency.epoch(), Duration.ofSeconds(1));
		assertThat(this.concurrency.permits(this.now)).isEqualTo(8);
		succeed(50);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
		this.now += 1_001 * MS;
		succeed(15);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
		succeed(2);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
	}

	@Test
	void levelRefusedAgainIsTriedHalfAsOften() {
		succeed(16);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
		overloaded(this.concurrency.epoch(), Duration.ofSeconds(1));
		succeed(50);
		this.now += 1_001 * MS;
		succeed(17);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
		overloaded(this.concurrency.epoch(), Duration.ofSeconds(1));
		succeed(50);
		this.now += 1_001 * MS;
		succeed(17);
		assertThat(this.concurrency.permits(this.now)).as("held for twice the Retry-After").isEqualTo(16);
		this.now += 1_000 * MS;
		succeed(17);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
	}

	@Test
	void aboveTheAcceptedLevelGrowthIsOnePerRoundTrip() {
		succeed(16);
		overloaded(this.concurrency.epoch(), Duration.ZERO);
		succeed(16 + 8);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
		succeed(15);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
		succeed(2);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
	}

	@Test
	void refusalInAFastClimbHoldsBelowTheAttemptsThenInFlight() {
		succeed(24);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(25);
		this.concurrency.overloaded(this.concurrency.epoch(), 17, Duration.ofSeconds(1), this.now);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(12);
		succeed(50);
		assertThat(this.concurrency.permits(this.now)).as("below the 17th attempt, not the 25th").isEqualTo(16);
	}

	@Test
	void refusalFarBelowTheLevelLowersItBelowTheAttemptsThenInFlight() {
		succeed(30);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(31);
		this.concurrency.overloaded(this.concurrency.epoch(), 9, Duration.ofSeconds(1), this.now);
		assertThat(this.concurrency.permits(this.now)).as("not half of 31, still refused").isEqualTo(8);
	}

	@Test
	void callShorterThanTheWaitKeepsTheLevelBelowTheRefusedOne() {
		succeed(16);
		this.concurrency.overloaded(this.concurrency.epoch(), 17, Duration.ofSeconds(1), this.now);
		this.now += 5_000 * MS;
		this.callStartedAt = this.now - 999 * MS;
		succeed(100);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
		this.callStartedAt = this.now - 1_000 * MS;
		succeed(17);
		assertThat(this.concurrency.permits(this.now)).as("a call as long as the wait probes").isEqualTo(17);
	}

	@Test
	void callShorterThanTheWaitProbesOnceTheLongestHoldHasPassed() {
		succeed(16);
		this.concurrency.overloaded(this.concurrency.epoch(), 17, Duration.ofSeconds(1), this.now);
		this.now += 59_999 * MS;
		this.callStartedAt = this.now;
		succeed(100);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
		this.now += MS;
		this.callStartedAt = this.now;
		succeed(17);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(17);
	}

	@Test
	void refusalsOfOneRoundCountOnce() {
		succeed(15);
		long epoch = this.concurrency.epoch();
		for (int i = 0; i < 10; i++) {
			overloaded(epoch, Duration.ofSeconds(1));
		}
		assertThat(this.concurrency.permits(this.now)).isEqualTo(8);
	}

	@Test
	void lowerLevelIsHeldForARoundOfAnswersThenLoweredAgainIfRefusalsFell() {
		succeed(15);
		long refusedLevel = this.concurrency.epoch();
		refuse(1);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(8);
		// the attempts still in flight at 16 answer late: half of them refused
		for (int i = 0; i < 15; i++) {
			overloaded(refusedLevel, Duration.ofSeconds(1));
		}
		// a smaller share refused at 8, but some
		refuse(3);
		succeed(12);
		assertThat(this.concurrency.permits(this.now)).as("held while judged").isEqualTo(8);
		succeed(1);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(8);
		refuse(1);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(4);
	}

	@Test
	void refusalsThatDoNotFallWithTheLevelDoNotLowerIt() {
		succeed(15);
		answerEveryOtherRefused(2);
		assertThat(this.concurrency.permits(this.now)).as("halved, then judged").isEqualTo(8);
		answerEveryOtherRefused(16);
		assertThat(this.concurrency.permits(this.now)).as("the level before the decrease").isEqualTo(17);
		answerEveryOtherRefused(200);
		assertThat(this.concurrency.permits(this.now)).as("grown, refusals notwithstanding").isEqualTo(32);
	}

	@Test
	void overloadOnTopOfSteadyRefusalsLowersTheLevelAgain() {
		succeed(15);
		answerEveryOtherRefused(2 + 16 + 200);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(32);
		// a whole round refused ends with the round it falls in, at most two rounds
		for (int i = 0; i < 64 && this.concurrency.permits(this.now) == 32; i++) {
			refuse(1);
		}
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
	}

	@Test
	void roundWithoutRefusalsEndsTheSteadyRefusals() {
		succeed(15);
		answerEveryOtherRefused(2 + 16 + 200);
		succeed(64);
		refuse(1);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(16);
	}

	@Test
	void levelWhoseEveryAnswerIsRefusedIsJudgedWithoutWaitingForARound() {
		succeed(15);
		refuse(1);
		refuse(8);
		assertThat(this.concurrency.permits(this.now)).as("judged overloaded after 8 refusals at 8").isEqualTo(8);
		refuse(1);
		assertThat(this.concurrency.permits(this.now)).isEqualTo(4);
	}

	@Test
	void overloadAtOneAttemptPausesUntilTheRetryAfterPasses() {
		overloaded(this.concurrency.epoch(), Duration.ofSeconds(2));
		assertThat(this.concurrency.permits(this.now)).isZero();
		assertThat(this.concurrency.pausedUntil()).isEqualTo(this.now + 2_000 * MS);
		assertThat(this.concurrency.permits(this.now + 1_999 * MS)).isZero();
		assertThat(this.concurrency.permits(this.now + 2_000 * MS)).isEqualTo(1);
	}

	@Test
	void hugeRetryAfterHoldsForTheMostHoldOnly() {
		overloaded(this.concurrency.epoch(), Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(this.concurrency.pausedUntil()).isEqualTo(this.now + 60_000 * MS);
	}

	// the refused attempt was the last of its level
	private void overloaded(long epoch, Duration wait) {
		this.concurrency.overloaded(epoch, this.concurrency.permits(this.now), wait, this.now);
	}

	private void refuse(int answers) {
		for (int i = 0; i < answers; i++) {
			overloaded(this.concurrency.epoch(), Duration.ofSeconds(1));
		}
	}

	private void answerEveryOtherRefused(int answers) {
		for (int i = 0; i < answers; i++) {
			if (i % 2 == 0) {
				succeed(1);
			}
			else {
				refuse(1);
			}
		}
	}

	private void succeed(int answers) {
		for (int i = 0; i < answers; i++) {
			this.concurrency.succeeded(this.concurrency.epoch(), LATENCY, this.callStartedAt, this.now);
		}
	}

}

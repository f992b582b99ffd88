package dev.tunethemodel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link PollSchedule} in virtual time: when the reads of a long wait happen.
 */
class PollScheduleTests {

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(30);

	private static final Duration LONG_TRAINING = Duration.ofMinutes(40);

	@Test
	void readsStartASecondApartAndBackOffToThePollIntervalWhichNoWaitExceeds() {
		List<Duration> waits = waitsBetweenReads(POLL_INTERVAL, LONG_TRAINING);
		assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(1));
		for (int i = 1; i < waits.size(); i++) {
			Duration longer = waits.get(i - 1).multipliedBy(3).dividedBy(2);
			assertThat(waits.get(i)).isEqualTo((longer.compareTo(POLL_INTERVAL) < 0) ? longer : POLL_INTERVAL);
		}
		assertThat(waits).allSatisfy((wait) -> assertThat(wait).isLessThanOrEqualTo(POLL_INTERVAL));
	}

	@Test
	void fortyMinuteTrainingCostsFewReadsMoreThanReadingEveryPollInterval() {
		int reads = waitsBetweenReads(POLL_INTERVAL, LONG_TRAINING).size() + 1;
		// the waits shorter than the poll interval: 1 s growing by half up to 30 s
		int backOffReads = (int) Math.ceil(Math.log(POLL_INTERVAL.toSeconds()) / Math.log(1.5));
		long everyPollInterval = LONG_TRAINING.dividedBy(POLL_INTERVAL);
		assertThat(reads).isGreaterThanOrEqualTo((int) everyPollInterval + 1)
			.isLessThanOrEqualTo((int) everyPollInterval + 1 + backOffReads);
	}

	@Test
	void pollIntervalShorterThanASecondIsEveryWait() {
		Duration pollInterval = Duration.ofMillis(100);
		assertThat(waitsBetweenReads(pollInterval, Duration.ofSeconds(2))).hasSize(20).containsOnly(pollInterval);
	}

	@Test
	void firstReadsAreASecondThenHalfAsLongAgainApart() {
		List<Integer> reads = new ArrayList<>();
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();
		try {
			Disposable polling = new PollSchedule(POLL_INTERVAL)
				.poll(Mono.fromSupplier(() -> reads.size() + 1).doOnNext(reads::add))
				.subscribe();
			scheduler.advanceTimeBy(Duration.ofSeconds(5));
			polling.dispose();
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		// at 0, 1, 2.5 and 4.75 seconds
		assertThat(reads).containsExactly(1, 2, 3, 4);
	}

	// the reads of a status that never changes, over a wait of the given length
	private static List<Duration> waitsBetweenReads(Duration pollInterval, Duration length) {
		List<Long> readTimes = new ArrayList<>();
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();
		try {
			Disposable polling = new PollSchedule(pollInterval)
				.poll(Mono.fromSupplier(() -> scheduler.now(TimeUnit.NANOSECONDS)))
				.subscribe(readTimes::add);
			scheduler.advanceTimeBy(length);
			polling.dispose();
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		assertThat(readTimes.get(0)).isZero();
		List<Duration> waits = new ArrayList<>();
		for (int i = 1; i < readTimes.size(); i++) {
			waits.add(Duration.ofNanos(readTimes.get(i) - readTimes.get(i - 1)));
		}
		return waits;
	}

}

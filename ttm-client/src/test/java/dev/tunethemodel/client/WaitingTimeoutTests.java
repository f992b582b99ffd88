package dev.tunethemodel.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link WaitingTimeout}, in virtual time: only the time during which entries
 * are asked for and not yet passed on counts.
 */
class WaitingTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final Duration ENTRY_DELAY = Duration.ofMillis(400);

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

	private final AtomicInteger timeouts = new AtomicInteger();

	@Test
	void timeBetweenRequestsIsNotCounted() {
		StepVerifier.withVirtualTime(() -> timed(slowSource(2)), () -> this.scheduler, 0)
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(1))
			.thenRequest(1)
			.thenAwait(ENTRY_DELAY)
			.expectNext(1)
			.thenAwait(Duration.ofMinutes(1))
			.thenRequest(1)
			.thenAwait(ENTRY_DELAY)
			.expectNext(2)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void waitsForEntriesAskedForAddUp() {
		StepVerifier.withVirtualTime(() -> timed(slowSource(10)), () -> this.scheduler, 0)
			.thenRequest(1)
			.thenAwait(ENTRY_DELAY)
			.expectNext(1)
			.thenAwait(Duration.ofMinutes(1))
			.thenRequest(1)
			.thenAwait(ENTRY_DELAY)
			.expectNext(2)
			.thenRequest(1)
			// 800ms of the second were spent on the first two entries
			.expectNoEvent(Duration.ofMillis(199))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("no entry in time")
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void unboundedDemandIsTimedFromTheStart() {
		StepVerifier.withVirtualTime(() -> timed(slowSource(10)), () -> this.scheduler, Long.MAX_VALUE)
			.thenAwait(ENTRY_DELAY)
			.expectNext(1)
			.thenAwait(ENTRY_DELAY)
			.expectNext(2)
			.thenAwait(Duration.ofMillis(200))
			.expectErrorMessage("no entry in time")
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void timeoutCancelsTheSource() {
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier
			.withVirtualTime(() -> timed(Flux.<Integer>never().doOnCancel(() -> cancelled.set(true))),
					() -> this.scheduler, 1)
			.thenAwait(TIMEOUT)
			.expectErrorMessage("no entry in time")
			.verify(Duration.ofSeconds(5));
		assertThat(cancelled).isTrue();
	}

	@Test
	void cancellingStopsTheTimer() {
		StepVerifier.withVirtualTime(() -> timed(Flux.<Integer>never()), () -> this.scheduler, 1)
			.thenAwait(Duration.ofMillis(500))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		this.scheduler.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(this.timeouts).hasValue(0);
	}

	private Flux<Integer> timed(Flux<Integer> source) {
		return WaitingTimeout.apply(source, TIMEOUT, () -> {
			this.timeouts.incrementAndGet();
			return new IllegalStateException("no entry in time");
		}, this.scheduler, () -> this.scheduler.now(TimeUnit.NANOSECONDS));
	}

	// the entries asked for arrive one after the other, each some time after the last
	private Flux<Integer> slowSource(int entries) {
		AtomicInteger sent = new AtomicInteger();
		return Flux.create((sink) -> sink.onRequest((n) -> {
			for (int i = 1; i <= Math.min(n, entries); i++) {
				this.scheduler.schedule(() -> {
					int entry = sent.incrementAndGet();
					if (entry <= entries) {
						sink.next(entry);
					}
					if (entry == entries) {
						sink.complete();
					}
				}, ENTRY_DELAY.toMillis() * i, TimeUnit.MILLISECONDS);
			}
		}));
	}

}

package dev.tunethemodel.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.client.ModelConcurrency.Permit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ModelConcurrency} and {@link ModelConcurrencies}, on a clock of their
 * own.
 */
class ModelConcurrencyTests {

	private static final long LATENCY = Duration.ofMillis(20).toNanos();

	private final AtomicLong clock = new AtomicLong(1_000_000_000L);

	private final ModelConcurrencies concurrencies = new ModelConcurrencies(32, Duration.ofSeconds(60),
			this.clock::get);

	@Test
	void eachAccountAndModelHasItsOwn() {
		ModelConcurrency concurrency = this.concurrencies.of("key-1", "m-1");
		assertThat(this.concurrencies.of("key-1", "m-1")).isSameAs(concurrency);
		assertThat(this.concurrencies.of("key-2", "m-1")).isNotSameAs(concurrency);
		assertThat(this.concurrencies.of("key-1", "m-2")).isNotSameAs(concurrency);
	}

	@Test
	void whatWasLearnedIsKeptFromOneBulkCallToTheNext() {
		ModelConcurrency concurrency = this.concurrencies.of("key-1", "m-1");
		learn(concurrency);
		advance(ModelConcurrencies.FORGET_AFTER.minusSeconds(1));
		concurrency.open();
		assertThat(concurrency.permits(this.clock.get())).isEqualTo(8);
	}

	@Test
	void whatWasLearnedIsForgottenAfterTenMinutesWithoutABulkCall() {
		ModelConcurrency concurrency = this.concurrencies.of("key-1", "m-1");
		learn(concurrency);
		advance(ModelConcurrencies.FORGET_AFTER);
		concurrency.open();
		assertThat(concurrency.permits(this.clock.get())).isEqualTo(1);
	}

	@Test
	void whatWasLearnedIsNotForgottenWhileABulkCallRuns() {
		ModelConcurrency concurrency = this.concurrencies.of("key-1", "m-1");
		learn(concurrency);
		concurrency.open();
		advance(ModelConcurrencies.FORGET_AFTER.multipliedBy(2));
		concurrency.open();
		assertThat(concurrency.permits(this.clock.get())).isEqualTo(8);
	}

	@Test
	void permitsAreCountedOverEveryBulkCallAndAFreedOneWakesThoseWaiting() {
		ModelConcurrency concurrency = this.concurrencies.of("key-1", "m-1");
		learn(concurrency);
		concurrency.open();
		concurrency.open();
		AtomicInteger firstWoken = new AtomicInteger();
		AtomicInteger secondWoken = new AtomicInteger();
		Runnable first = firstWoken::incrementAndGet;
		Runnable second = secondWoken::incrementAndGet;
		long now = this.clock.get();
		for (int i = 0; i < 5; i++) {
			assertThat(concurrency.tryAcquire(now, first)).isEqualTo(Permit.TAKEN);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(concurrency.tryAcquire(now, second)).isEqualTo(Permit.TAKEN);
		}
		assertThat(concurrency.tryAcquire(now, second)).isEqualTo(Permit.ALL_TAKEN);
		assertThat(concurrency.tryAcquire(now, first)).isEqualTo(Permit.ALL_TAKEN);
		concurrency.release();
		assertThat(firstWoken).hasValue(1);
		assertThat(secondWoken).hasValue(1);
		concurrency.release();
		assertThat(firstWoken).hasValue(1);
		assertThat(concurrency.inFlight()).isEqualTo(6);
	}

	// one bulk call that grows the concurrency to 8 and ends
	private void learn(ModelConcurrency concurrency) {
		concurrency.open();
		for (int i = 0; i < 7; i++) {
			concurrency.succeeded(concurrency.epoch(), LATENCY, this.clock.get(), this.clock.get());
		}
		assertThat(concurrency.permits(this.clock.get())).isEqualTo(8);
		concurrency.close(() -> {
		});
	}

	private void advance(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

}

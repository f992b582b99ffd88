package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the window of results of a bulk call while an input waits out a
 * {@code Retry-After}: it grows so that the other inputs go on, up to the maximum
 * buffered results.
 */
class BulkWindowTests {

	private static final Duration VERIFY = Duration.ofSeconds(60);

	// late enough that the concurrency has grown: a first attempt refused pauses it
	private static final int WAITING = 500;

	@Test
	void othersGoOnPastTheFirstThousandSlotsWhileAnInputWaitsOutALongRetryAfter() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(1), "1")) {
			AtomicInteger acceptedDuringTheWait = new AtomicInteger(-1);
			stub.answering(refusingOnce(stub, acceptedDuringTheWait, () -> {
			}), "3");
			List<Double> firstScores = classifyAll(stub.client().build(), 6000, new AtomicInteger());
			assertThat(firstScores).hasSize(6000);
			for (int i = 0; i < 6000; i++) {
				assertThat(firstScores.get(i)).isEqualTo(i);
			}
			// a window of 1,024 slots would have held the others back at 500 + 1,023
			assertThat(acceptedDuringTheWait.get()).isGreaterThan(WAITING + 1024);
		}
	}

	@Test
	void inputsStartedStayWithinTheMostBufferedResultsWhileAnInputWaits() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(1), "1")) {
			AtomicInteger acceptedDuringTheWait = new AtomicInteger(-1);
			AtomicInteger read = new AtomicInteger();
			AtomicInteger readDuringTheWait = new AtomicInteger();
			stub.answering(refusingOnce(stub, acceptedDuringTheWait, () -> readDuringTheWait.set(read.get())), "1");
			List<Double> firstScores = classifyAll(stub.client().bulkMaxBufferedResults(100).build(), 2000, read);
			assertThat(firstScores).hasSize(2000);
			assertThat(firstScores.get(1999)).isEqualTo(1999);
			// those before the waiting input, and 99 after it: none past the most
			// buffered
			assertThat(acceptedDuringTheWait.get()).isEqualTo(WAITING + 99);
			// reading slowed down: at most a batch ahead of the inputs started
			assertThat(readDuringTheWait.get()).isBetween(WAITING + 100, WAITING + 100 + 32);
		}
	}

	// the waiting input is refused once; what its retry finds is noted
	private static Function<String, HttpResponseStatus> refusingOnce(InferenceStub stub,
			AtomicInteger acceptedDuringTheWait, Runnable atTheRetry) {
		AtomicBoolean refused = new AtomicBoolean();
		return (input) -> {
			if (!input.equals(String.valueOf(WAITING))) {
				return HttpResponseStatus.OK;
			}
			if (refused.compareAndSet(false, true)) {
				return HttpResponseStatus.TOO_MANY_REQUESTS;
			}
			if (acceptedDuringTheWait.compareAndSet(-1, stub.accepted())) {
				atTheRetry.run();
			}
			return HttpResponseStatus.OK;
		};
	}

	private static List<Double> classifyAll(TuneTheModelTemplate client, int count, AtomicInteger read) {
		return client
			.classifyAll("m-1", Flux.range(0, count).doOnNext((i) -> read.incrementAndGet()).map(String::valueOf))
			.map((classification) -> classification.scores().get(0))
			.collectList()
			.block(VERIFY);
	}

}

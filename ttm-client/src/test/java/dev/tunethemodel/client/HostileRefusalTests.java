package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that refuse requests whatever the load: a share of every answer, or every
 * answer with a {@code Retry-After} of 0. A bulk call still finishes at a good pace, and
 * no call repeats its requests without waiting. Part of the hostile suite.
 */
@HostileSuite
class HostileRefusalTests {

	// "well under a minute" for 500 inputs
	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final int INPUTS = 500;

	@ParameterizedTest(name = "{0} with Retry-After {1}")
	@CsvSource(value = { "429, 1", "503, none" }, nullValues = "none")
	void bulkCallFinishesWhenEveryOtherAnswerIsRefusedWhateverTheLoad(int status, String retryAfter) {
		AtomicInteger requests = new AtomicInteger();
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(10), "1")) {
			stub.answering((input) -> (requests.getAndIncrement() % 2 == 1) ? HttpResponseStatus.valueOf(status)
					: HttpResponseStatus.OK, retryAfter);
			StepVerifier.create(firstScores(stub.client().build(), INPUTS))
				.expectNext(IntStream.range(0, INPUTS).asDoubleStream().boxed().toList())
				.expectComplete()
				.verify(VERIFY);
			assertThat(requests.get()).isGreaterThan(INPUTS);
		}
	}

	@Test
	void retryAfterOfZeroOnEveryAnswerIsWaitedOutWithBackoffInABulkCall() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			stub.answering((input) -> HttpResponseStatus.TOO_MANY_REQUESTS, "0");
			TuneTheModelTemplate template = stub.client().timeout(Duration.ofSeconds(3)).build();
			StepVerifier.create(template.classifyAll("m-1", Flux.just("1")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.cause()
					// a last repeat that starts just before the deadline ends with it
					.isInstanceOfAny(TuneTheModelRateLimitException.class, TuneTheModelTimeoutException.class))
				.verify(VERIFY);
			// waits of at least 250 ms, 500 ms, 1 s and 2 s fit at most 3 repeats in 3 s
			assertThat(stub.requests()).isBetween(2, 4);
		}
	}

	@Test
	void retryAfterOfZeroOnEveryAnswerIsWaitedOutWithBackoffInASingleCall() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			stub.answering((input) -> HttpResponseStatus.TOO_MANY_REQUESTS, "0");
			TuneTheModelTemplate template = stub.client()
				.retrySettings(
						new RetrySettings(100, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)))
				.timeout(Duration.ofSeconds(3))
				.build();
			StepVerifier.create(template.classify("m-1", "1"))
				.expectError(TuneTheModelRateLimitException.class)
				.verify(VERIFY);
			// waits of at least 50 ms, doubling up to 500 ms, fit at most 8 repeats in 3
			// s
			assertThat(stub.requests()).isBetween(2, 9);
		}
	}

	private static Flux<List<Double>> firstScores(TuneTheModelTemplate template, int count) {
		return template.classifyAll("m-1", Flux.range(0, count).map(String::valueOf))
			.map((classification) -> classification.scores().get(0))
			.collectList()
			.flux();
	}

}

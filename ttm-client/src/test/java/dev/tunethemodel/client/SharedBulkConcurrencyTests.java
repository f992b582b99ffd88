package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the concurrency a client's bulk calls learn of an account and a model: kept
 * from one call to the next, and shared by the calls that run at once.
 */
class SharedBulkConcurrencyTests {

	private static final Duration VERIFY = Duration.ofSeconds(60);

	@Test
	void nextBulkCallStartsAtTheLevelTheLastOneReached() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(20), "1")) {
			TuneTheModelTemplate client = stub.client().bulkMaxConcurrency(16).build();
			assertThat(classifyAll(client, "m-1", 0, 400)).hasSize(400);
			assertThat(stub.mostActive()).isEqualTo(16);
			stub.resetCounts();
			assertThat(classifyAll(client, "m-1", 0, 16)).hasSize(16);
			// from one at once, 16 inputs would have gone 1, 2, 4 and 8 at once
			assertThat(stub.mostActive()).isEqualTo(16);
		}
	}

	@Test
	void bulkCallOfAnotherAccountOrModelStartsFromOne() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(20), "1")) {
			TuneTheModelTemplate client = stub.client().bulkMaxConcurrency(16).build();
			assertThat(classifyAll(client, "m-1", 0, 400)).hasSize(400);
			stub.resetCounts();
			TuneTheModelTemplate otherAccount = client
				.withOptions(RequestOptions.builder().apiKey("other-key").build());
			assertThat(classifyAll(otherAccount, "m-1", 0, 16)).hasSize(16);
			assertThat(stub.mostActive()).isLessThanOrEqualTo(8);
			stub.resetCounts();
			assertThat(classifyAll(client, "m-2", 0, 16)).hasSize(16);
			assertThat(stub.mostActive()).isLessThanOrEqualTo(8);
		}
	}

	@Test
	void concurrentBulkCallsOfOneAccountAnswerEveryInputUnderItsLimit() {
		int capacity = 8;
		try (InferenceStub stub = new InferenceStub(capacity, (input) -> Duration.ofMillis(20), "1")) {
			TuneTheModelTemplate client = stub.client().build();
			// the learning: how many calls at once the account takes
			assertThat(classifyAll(client, "m-1", 0, 400)).hasSize(400);
			stub.resetCounts();
			TuneTheModelTemplate view = client.withOptions(RequestOptions.builder().timeout(VERIFY).build());
			Tuple2<List<Double>, List<Double>> both = Mono
				.zip(inParallel(() -> classifyAll(client, "m-1", 0, 400)),
						inParallel(() -> classifyAll(view, "m-1", 400, 400)))
				.block(VERIFY);
			assertThat(both.getT1()).hasSize(400).startsWith(0.0, 1.0).endsWith(398.0, 399.0);
			assertThat(both.getT2()).hasSize(400).startsWith(400.0, 401.0).endsWith(798.0, 799.0);
			assertThat(stub.accepted()).isEqualTo(800);
			assertThat(stub.mostActive()).isEqualTo(capacity);
		}
	}

	@Test
	void concurrentBulkCallsOfOneAccountTogetherStayWithinTheLevelLearned() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(20), "1")) {
			TuneTheModelTemplate client = stub.client().bulkMaxConcurrency(8).build();
			assertThat(classifyAll(client, "m-1", 0, 200)).hasSize(200);
			stub.resetCounts();
			List<List<Double>> both = Flux
				.merge(inParallel(() -> classifyAll(client, "m-1", 0, 400)),
						inParallel(() -> classifyAll(client, "m-1", 400, 400)))
				.collectList()
				.block(VERIFY);
			assertThat(both).hasSize(2).allSatisfy((results) -> assertThat(results).hasSize(400));
			// each call at the level learned would have had 16 at once together
			assertThat(stub.mostActive()).isEqualTo(8);
		}
	}

	@Test
	void consecutiveBulkCallsShorterThanTheWaitKeepTheLevelLearned() {
		int capacity = 8;
		try (InferenceStub stub = new InferenceStub(capacity, (input) -> Duration.ofMillis(20), "1")) {
			TuneTheModelTemplate client = stub.client().build();
			// the learning: two seconds, long enough to probe past the limit after its
			// wait
			assertThat(classifyAll(client, "m-1", 0, 800)).hasSize(800);
			stub.resetCounts();
			for (int call = 0; call < 40; call++) {
				assertThat(classifyAll(client, "m-1", 0, 40)).hasSize(40);
			}
			// a probe refused holds its call of a tenth of a second for a whole second
			assertThat(stub.rejected()).isLessThanOrEqualTo(1);
			// an attempt overtaken on its way by one sent after it is refused with one
			// attempt fewer in flight than the stub counted, and sets the level one lower
			assertThat(stub.mostActive()).isBetween(capacity - 1, capacity);
		}
	}

	private static Mono<List<Double>> inParallel(Callable<List<Double>> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

	private static List<Double> classifyAll(TuneTheModelTemplate client, String model, int first, int count) {
		return client.classifyAll(model, Flux.range(first, count).map(String::valueOf))
			.map((classification) -> classification.scores().get(0))
			.collectList()
			.block(VERIFY);
	}

}

package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.testsupport.DroppedErrors;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk calls cancelled at random moments, seeded, against a stub that is sometimes slow
 * and refuses calls above a few at once: every call ends at the stub, nothing is dropped
 * or logged as an error, and a bulk call that ends by itself has its results in order.
 */
@HostileSuite
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
@ExtendWith(OutputCaptureExtension.class)
class BulkCancellationTests {

	private static final long SEED = 29;

	private static final int CANCELLATIONS = 600;

	private static final int CONCURRENCY = 8;

	private static final int LATEST_CANCEL_MILLIS = 100;

	private static final Duration SETTLE = Duration.ofSeconds(60);

	@RegisterExtension
	final DroppedErrors dropped = new DroppedErrors();

	private final TransportUnderTest transport;

	BulkCancellationTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@Test
	void cancellationsAtRandomMomentsEndEveryCall(CapturedOutput output) {
		Random random = new Random(SEED);
		AtomicInteger completedInOrder = new AtomicInteger();
		try (InferenceStub stub = new InferenceStub(6, (input) -> Duration.ofMillis(Integer.parseInt(input) % 4),
				"0")) {
			TuneTheModelTemplate template = stub.client().webClientBuilder(this.transport.webClientBuilder()).build();
			List<Mono<Void>> runs = IntStream.range(0, CANCELLATIONS).mapToObj((run) -> {
				int inputs = 1 + random.nextInt(60);
				int cancelAfter = random.nextInt(LATEST_CANCEL_MILLIS + 1);
				// a model each: calls of one model share what they learn, and would not
				// be
				// refused
				return template.classifyAll("m-" + run, Flux.range(0, inputs).map(String::valueOf))
					.map((classification) -> classification.scores().get(0).intValue())
					.take(Duration.ofMillis(cancelAfter))
					.collectList()
					.doOnNext((firsts) -> {
						if (firsts.size() == inputs && firsts.equals(IntStream.range(0, inputs).boxed().toList())) {
							completedInOrder.incrementAndGet();
						}
					})
					.then();
			}).toList();
			Flux.fromIterable(runs).flatMap((run) -> run, CONCURRENCY).then().block(SETTLE);
			await().atMost(SETTLE).untilAsserted(() -> assertThat(stub.active()).isZero());
			assertThat(stub.rejected()).isPositive();
		}
		assertThat(completedInOrder.get()).isPositive();
		// Spring's own race: a cancel that lands as the answer arrives fails the body
		// read it no longer waits for
		assertThat(this.dropped.errors()).allSatisfy((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
			.hasMessage("The client response body has been released already due to cancellation."));
		assertThat(output).doesNotContain("ERROR");
	}

}

package dev.tunethemodel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link TuneTheModelTemplate#classifyAll} and
 * {@link TuneTheModelTemplate#generateAll} against a stub of known capacity.
 */
class BulkInferenceTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	@Test
	void resultsComeInInputOrderWhateverOrderTheAnswersComeIn() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE,
				(input) -> Duration.ofMillis(ThreadLocalRandom.current().nextInt(15)), "1")) {
			List<Double> firstScores = stub.client()
				.build()
				.classifyAll("m-1", numbers(2000))
				.map((classification) -> classification.scores().get(0))
				.collectList()
				.block(VERIFY);
			assertThat(firstScores).hasSize(2000);
			for (int i = 0; i < 2000; i++) {
				assertThat(firstScores.get(i)).isEqualTo(i);
			}
			assertThat(stub.mostActive()).isGreaterThan(1).isLessThanOrEqualTo(32);
		}
	}

	@Test
	void concurrencyGrowsToTheMostAllowedAndNoFurther() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(20), "1")) {
			long count = stub.client()
				.bulkMaxConcurrency(8)
				.build()
				.classifyAll("m-1", numbers(400))
				.count()
				.block(VERIFY);
			assertThat(count).isEqualTo(400);
			assertThat(stub.mostActive()).isEqualTo(8);
		}
	}

	@Test
	void rateLimitedApiAnswersEveryInputWithoutAFailureAndFewRefusals() {
		try (InferenceStub stub = new InferenceStub(4, (input) -> Duration.ofMillis(10), "1")) {
			List<Double> firstScores = stub.client()
				.build()
				.classifyAll("m-1", numbers(600))
				.map((classification) -> classification.scores().get(0))
				.collectList()
				.block(VERIFY);
			assertThat(firstScores).hasSize(600);
			assertThat(firstScores.get(599)).isEqualTo(599);
			assertThat(stub.accepted()).isEqualTo(600);
			// a fixed 32 at once would be refused about 7 times in 8
			assertThat(stub.rejected()).isBetween(1, 12);
		}
	}

	@Test
	void slowSubscriberHoldsFewInputs() {
		AtomicInteger read = new AtomicInteger();
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			Flux<String> inputs = numbers(100_000).doOnNext((input) -> read.incrementAndGet());
			StepVerifier.create(stub.client().build().classifyAll("m-1", inputs), 1)
				.expectNextCount(1)
				.thenAwait(Duration.ofMillis(500))
				.then(() -> assertThat(read.get()).isLessThanOrEqualTo(1 + 32 + 32))
				.thenRequest(10)
				.expectNextCount(10)
				.thenAwait(Duration.ofMillis(200))
				.then(() -> assertThat(read.get()).isLessThanOrEqualTo(11 + 32 + 32))
				.thenCancel()
				.verify(VERIFY);
			assertThat(stub.accepted()).isLessThanOrEqualTo(11 + 32);
		}
	}

	@Test
	void inputThatFailsForGoodEndsTheResultsAfterThoseBeforeItAndNamesItsPosition() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			stub.answering((input) -> input.equals("5") ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.OK);
			StepVerifier.create(stub.client().build().classifyAll("m-1", numbers(1000)))
				.expectNextCount(5)
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
						.hasMessageStartingWith("The input at position 5 (from 0) failed: "
								+ "POST /v0/models/{model}/classify [m-1] failed with 400 Bad Request");
					assertThat(((TuneTheModelInputFailedException) ex).position()).isEqualTo(5);
					assertThat(ex.getCause()).isInstanceOf(TuneTheModelApiException.class);
					assertThat(((TuneTheModelApiException) ex.getCause()).statusCode()).isEqualTo(400);
				})
				.verify(VERIFY);
		}
	}

	@Test
	void emptyInputFailsWithItsPositionBeforeAnythingIsSentForIt() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			StepVerifier.create(stub.client().build().classifyAll("m-1", Flux.just("0", "1", " ", "3")))
				.expectNextCount(2)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessageContaining("position 2")
					.hasCauseInstanceOf(IllegalArgumentException.class))
				.verify(VERIFY);
		}
	}

	@Test
	void emptyLastInputFailsTheCallThoughNoAnswerFollowsIt() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			TuneTheModelTemplate client = stub.client().build();
			StepVerifier.create(client.classifyAll("m-1", Flux.just(" ")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessageContaining("position 0"))
				.verify(VERIFY);
			StepVerifier.create(client.classifyAll("m-1", Flux.just("0", " ")))
				.expectNextCount(1)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessageContaining("position 1"))
				.verify(VERIFY);
		}
	}

	@Test
	void emptyInputWaitingForAnotherCallsPermitFailsItsCallOnceThePermitIsFree() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(200), "1")) {
			TuneTheModelTemplate client = stub.client().build();
			// a new model's calls start one at a time: the blank input waits for the
			// other call's permit, after its inputs ended
			Flux<Classification> other = client.classifyAll("m-1", Flux.just("0"));
			Flux<Classification> blank = client.classifyAll("m-1", Flux.just(" "));
			StepVerifier
				.create(Flux.merge(other.map((result) -> "answered"),
						blank.map((result) -> "blank answered")
							.onErrorResume(TuneTheModelInputFailedException.class, (ex) -> Flux.just("blank failed"))))
				.recordWith(ArrayList::new)
				.expectNextCount(2)
				.consumeRecordedWith(
						(outcomes) -> assertThat(outcomes).containsExactlyInAnyOrder("answered", "blank failed"))
				.expectComplete()
				.verify(VERIFY);
		}
	}

	@Test
	void transientFailureIsRepeatedAsTheRetrySettingsSay() {
		AtomicInteger failures = new AtomicInteger();
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			stub.answering((input) -> (input.equals("3") && failures.getAndIncrement() < 2)
					? HttpResponseStatus.BAD_GATEWAY : HttpResponseStatus.OK);
			RetrySettings retries = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ZERO);
			List<Double> firstScores = stub.client()
				.retrySettings(retries)
				.build()
				.classifyAll("m-1", numbers(10))
				.map((classification) -> classification.scores().get(0))
				.collectList()
				.block(VERIFY);
			assertThat(firstScores).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
			assertThat(failures.get()).isEqualTo(3);
		}
	}

	@Test
	void errorOfTheInputsEndsTheResultsAsItIsAfterTheEarlierOnes() {
		IllegalStateException unreadable = new IllegalStateException("the file is gone");
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(5), "1")) {
			StepVerifier
				.create(stub.client()
					.build()
					.classifyAll("m-1", Flux.concat(numbers(3), Flux.error(unreadable)))
					.map((classification) -> classification.scores().get(0)))
				.expectNext(0.0, 1.0, 2.0)
				.expectErrorMatches((ex) -> ex == unreadable)
				.verify(VERIFY);
		}
	}

	@Test
	void inputWhoseCallTakesLongerThanTheTimeoutFailsWithItsPosition() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE,
				(input) -> input.equals("2") ? Duration.ofSeconds(20) : Duration.ZERO, "1")) {
			StepVerifier.create(stub.client().timeout(Duration.ofMillis(500)).build().classifyAll("m-1", numbers(5)))
				.expectNextCount(2)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessageContaining("position 2")
					.hasCauseInstanceOf(TuneTheModelTimeoutException.class))
				.verify(VERIFY);
		}
	}

	@Test
	void cancellingStopsTheCallsAndTheInputs() {
		AtomicInteger read = new AtomicInteger();
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(50), "1")) {
			Flux<String> inputs = numbers(100_000).doOnNext((input) -> read.incrementAndGet());
			StepVerifier.create(stub.client().build().classifyAll("m-1", inputs))
				.expectNextCount(20)
				.thenCancel()
				.verify(VERIFY);
			await().pollDelay(Duration.ofMillis(200)).until(() -> true);
			int readAfterCancel = read.get();
			int acceptedAfterCancel = stub.accepted();
			await().pollDelay(Duration.ofMillis(500)).until(() -> true);
			assertThat(read.get()).isEqualTo(readAfterCancel).isLessThanOrEqualTo(20 + 32 + 32);
			assertThat(stub.accepted()).isEqualTo(acceptedAfterCancel);
		}
	}

	@Test
	void rateLimitIsNotWaitedOutWithoutRepeats() {
		try (InferenceStub stub = new InferenceStub(0, (input) -> Duration.ZERO, "0")) {
			StepVerifier
				.create(stub.client().retrySettings(RetrySettings.none()).build().classifyAll("m-1", numbers(3)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasCauseInstanceOf(TuneTheModelRateLimitException.class))
				.verify(VERIFY);
		}
	}

	@Test
	void argumentsAreCheckedOnSubscription() {
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.baseUrl("http://127.0.0.1:1")
			.apiKey("k")
			.build();
		StepVerifier.create(template.classifyAll("no/slash", Flux.just("a")))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY);
		StepVerifier.create(template.classifyAll("m-1", null))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY);
		StepVerifier.create(template.generateAll("m-1", null))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY);
	}

	@Test
	void evaluationCountsEachExampleOnceInTheConfusionMatrix() {
		// the stub's first score is the text: "5" is classified as 0, "-5" as 1
		Flux<ClassifierExample> examples = Flux.concat(examples("5", 0, 3), examples("5", 1, 1), examples("-5", 1, 4),
				examples("-5", 0, 2));
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(2), "1")) {
			Evaluation evaluation = stub.client().build().evaluate("m-1", examples).block(VERIFY);
			// by hand: [[3, 2], [1, 4]]; precision 3/4 and 4/6, recall 3/5 and 4/5, F1
			// 6/9 and 8/11
			assertThat(evaluation.confusionMatrix()).isDeepEqualTo(new long[][] { { 3, 2 }, { 1, 4 } });
			assertThat(evaluation.count()).isEqualTo(10);
			assertThat(evaluation.accuracy()).isCloseTo(7.0 / 10, within(1e-12));
			assertThat(evaluation.figures(0).precision()).isCloseTo(3.0 / 4, within(1e-12));
			assertThat(evaluation.figures(1).recall()).isCloseTo(4.0 / 5, within(1e-12));
			assertThat(evaluation.macroF1()).isCloseTo(23.0 / 33, within(1e-12));
			assertThat(evaluation.withLabels(ClassLabels.of("positive", "negative")).figures("negative").f1())
				.isCloseTo(8.0 / 11, within(1e-12));
		}
	}

	@Test
	void evaluationNamesTheFirstExampleWhoseLabelTheModelDoesNotHave() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			StepVerifier
				.create(stub.client().build().evaluate("m-1", Flux.concat(examples("5", 1, 4), examples("5", 2, 1))))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessage(
							"The input at position 4 (from 0) failed: There is no actual class 2: the classes are 0 to 1"))
				.verify(VERIFY);
		}
	}

	@Test
	void evaluationOfNoExamplesIsRefused() {
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1")) {
			StepVerifier.create(stub.client().build().evaluate("m-1", Flux.empty()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
					.hasMessage("There are no examples to evaluate"))
				.verify(VERIFY);
		}
	}

	private static Flux<ClassifierExample> examples(String text, int label, int count) {
		return Flux.range(0, count).map((i) -> new ClassifierExample(text, label));
	}

	private static Flux<String> numbers(int count) {
		return Flux.range(0, count).map(String::valueOf);
	}

}

package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Evaluations against a server whose answers have thousands of scores, or a number of
 * scores that changes: each ends, in 128 MiB of heap, with the evaluation or with an
 * error that says what the server did. Part of the hostile suite.
 */
@HostileSuite
class HostileEvaluationTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final double EXACT = 1e-12;

	@Test
	void evaluationOfAnswersWithThousandsOfScoresEndsInBoundedMemory() {
		// a matrix of 5,000 by 5,000 counts would take 200 MB, more than the whole heap
		try (InferenceStub stub = stub(5_000)) {
			StepVerifier.create(stub.client().build().evaluate("m-1", examples(200)))
				.assertNext((evaluation) -> assertFiguresOfTheExamples(evaluation, 5_000, 200))
				.expectComplete()
				.verify(VERIFY);
		}
	}

	@Test
	void blockingEvaluationOfAnswersWithThousandsOfScoresReturns() {
		try (InferenceStub stub = stub(5_000)) {
			BlockingTuneTheModelOperations blocking = new BlockingTuneTheModelTemplate(stub.client().build());
			List<ClassifierExample> examples = examples(200).collectList().block(VERIFY);
			// on a thread that may wait, ended by the verification if it waits forever
			StepVerifier
				.create(Mono.fromCallable(() -> blocking.evaluate("m-1", examples))
					.subscribeOn(Schedulers.boundedElastic()))
				.assertNext((evaluation) -> assertFiguresOfTheExamples(evaluation, 5_000, 200))
				.expectComplete()
				.verify(VERIFY);
		}
	}

	@Test
	void evaluationOfTenThousandClassesWorksInASmallHeap() {
		try (InferenceStub stub = stub(10_000)) {
			StepVerifier.create(stub.client().build().evaluate("m-1", examples(20))).assertNext((evaluation) -> {
				assertFiguresOfTheExamples(evaluation, 10_000, 20);
				assertThat(evaluation.classes()).hasSize(10_000);
				assertThat(evaluation.figures(9_999))
					.isEqualTo(new Evaluation.ClassFigures(9_999, null, 0, 0, 0, 0, 0));
				assertThat(evaluation.confusionCount(0, 0)).isEqualTo(10);
				assertThat(evaluation.confusionCount(2, 1)).isEqualTo(1);
				assertThat(evaluation.confusionCount(3, 1)).isZero();
				assertThatIllegalStateException().isThrownBy(evaluation::confusionMatrix)
					.withMessage("confusionMatrix() is limited to 1000 classes (8 MB), but the evaluation has 10000 "
							+ "(800 MB): read the counts with confusionCount(actual, predicted)");
				// the classes present or predicted: 0, 1 and the labels of the odd
				// examples
				assertThat(evaluation.toString().lines()).hasSize(2 + 12 + 2)
					.contains("class 20  0.000      0.000   0.000  1", "9988 more classes omitted: see classes()")
					.last()
					.isEqualTo("confusion matrix omitted: 10000 classes, see confusionCount(actual, predicted)");
			}).expectComplete().verify(VERIFY);
		}
	}

	@Test
	void answerWhoseNumberOfScoresChangedFailsItsInput() {
		try (InferenceStub stub = stub(3)) {
			stub.scoring((input) -> input.equals("7") ? 4 : 3);
			// the best class of "7" is 0 whatever its number of scores
			Flux<ClassifierExample> examples = Flux.range(0, 9)
				.map((i) -> new ClassifierExample((i == 4) ? "7" : "5", 0));
			StepVerifier.create(stub.client().build().evaluate("m-1", examples))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessage("The input at position 4 (from 0) failed: The classification has 4 scores, "
							+ "but the first one had 3: the model's number of classes cannot change")
					.hasCauseInstanceOf(TuneTheModelException.class))
				.verify(VERIFY);
		}
	}

	@Test
	void exampleWhoseLabelIsOutsideTheScoresFailsItsInput() {
		try (InferenceStub stub = stub(3)) {
			Flux<ClassifierExample> examples = Flux.concat(examples(2), Flux.just(new ClassifierExample("5", 3)));
			StepVerifier.create(stub.client().build().evaluate("m-1", examples))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelInputFailedException.class)
					.hasMessage("The input at position 2 (from 0) failed: There is no actual class 3: "
							+ "the classes are 0 to 2"))
				.verify(VERIFY);
		}
	}

	private static InferenceStub stub(int numScores) {
		return new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ZERO, "1").scoring((input) -> numScores);
	}

	// the stub predicts class 0 for "5" and class 1 for "-5": the even examples are of
	// class 0 and right, the odd ones of class 1 + their position and wrong
	private static Flux<ClassifierExample> examples(int count) {
		return Flux.range(0, count)
			.map((i) -> (i % 2 == 0) ? new ClassifierExample("5", 0) : new ClassifierExample("-5", 1 + i));
	}

	private static void assertFiguresOfTheExamples(Evaluation evaluation, int numClasses, int count) {
		int half = count / 2;
		assertThat(evaluation.numClasses()).isEqualTo(numClasses);
		assertThat(evaluation.count()).isEqualTo(count);
		assertThat(evaluation.accuracy()).isCloseTo(0.5, within(EXACT));
		assertThat(evaluation.figures(0)).isEqualTo(new Evaluation.ClassFigures(0, null, half, half, 1, 1, 1));
		assertThat(evaluation.figures(1)).isEqualTo(new Evaluation.ClassFigures(1, null, 0, half, 0, 0, 0));
		assertThat(evaluation.figures(2)).isEqualTo(new Evaluation.ClassFigures(2, null, 1, 0, 0, 0, 0));
		assertThat(IntStream.range(0, numClasses).mapToLong((i) -> evaluation.figures(i).support()).sum())
			.isEqualTo(count);
		assertThat(evaluation.macroF1()).isCloseTo(1.0 / numClasses, within(EXACT));
	}

}

package dev.tunethemodel.client.model;

import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.client.model.Evaluation.ClassFigures;
import dev.tunethemodel.client.model.Evaluation.Tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests of {@link Evaluation}.
 */
class EvaluationTests {

	private static final double EXACT = 1e-12;

	// @formatter:off
	/*
	 * The matrix, [actual][predicted], computed by hand:
	 *
	 *              predicted 0  predicted 1  predicted 2 | support
	 *   actual 0        5            2            1      |    8
	 *   actual 1        1            6            3      |   10
	 *   actual 2        0            1            4      |    5
	 *   predicted       6            9            8      |   23
	 *
	 * class 0: P = 5/6, R = 5/8,
	 *          F1 = 2 (5/6) (5/8) / (5/6 + 5/8) = (50/48) / (35/24) = 5/7
	 * class 1: P = 6/9 = 2/3, R = 6/10 = 3/5,
	 *          F1 = 2 (2/3) (3/5) / (2/3 + 3/5) = (12/15) / (19/15) = 12/19
	 * class 2: P = 4/8 = 1/2, R = 4/5,
	 *          F1 = 2 (1/2) (4/5) / (1/2 + 4/5) = (4/5) / (13/10) = 8/13
	 * accuracy = (5 + 6 + 4) / 23 = 15/23
	 * macro-F1 = (5/7 + 12/19 + 8/13) / 3 = ((1235 + 1092 + 1064) / 1729) / 3 = 3391/5187
	 */
	// @formatter:on
	private static final long[][] MATRIX = { { 5, 2, 1 }, { 1, 6, 3 }, { 0, 1, 4 } };

	@Test
	void figuresAreThoseComputedByHand() {
		Evaluation evaluation = tally(MATRIX).result();
		assertThat(evaluation.count()).isEqualTo(23);
		assertThat(evaluation.numClasses()).isEqualTo(3);
		assertThat(evaluation.accuracy()).isCloseTo(15.0 / 23, within(EXACT));
		assertThat(evaluation.macroF1()).isCloseTo(3391.0 / 5187, within(EXACT));
		assertThat(evaluation.confusionMatrix()).isDeepEqualTo(MATRIX);
		assertFigures(evaluation.figures(0), 8, 6, 5.0 / 6, 5.0 / 8, 5.0 / 7);
		assertFigures(evaluation.figures(1), 10, 9, 2.0 / 3, 3.0 / 5, 12.0 / 19);
		assertFigures(evaluation.figures(2), 5, 8, 1.0 / 2, 4.0 / 5, 8.0 / 13);
		assertThat(evaluation.classes()).extracting(ClassFigures::index).containsExactly(0, 1, 2);
		assertThat(evaluation.classes()).extracting(ClassFigures::label).containsOnlyNulls();
		assertThat(evaluation.labels()).isNull();
	}

	@Test
	void aClassNeverPredictedOrNeverPresentHasFiguresOfZero() {
		// class 1 is predicted but never present, class 2 present but never predicted
		Evaluation evaluation = tally(new long[][] { { 2, 1, 0 }, { 0, 0, 0 }, { 1, 0, 0 } }).result();
		assertFigures(evaluation.figures(0), 3, 3, 2.0 / 3, 2.0 / 3, 2.0 / 3);
		assertFigures(evaluation.figures(1), 0, 1, 0, 0, 0);
		assertFigures(evaluation.figures(2), 1, 0, 0, 0, 0);
		assertThat(evaluation.accuracy()).isCloseTo(2.0 / 4, within(EXACT));
		assertThat(evaluation.macroF1()).isCloseTo(2.0 / 9, within(EXACT));
	}

	@Test
	void aClassNeverPresentNorPredictedCountsInTheMacroF1AsZero() {
		Evaluation evaluation = tally(new long[][] { { 3, 0, 0 }, { 0, 2, 0 }, { 0, 0, 0 } }).result();
		assertFigures(evaluation.figures(2), 0, 0, 0, 0, 0);
		assertThat(evaluation.accuracy()).isEqualTo(1.0);
		assertThat(evaluation.macroF1()).isCloseTo(2.0 / 3, within(EXACT));
	}

	@Test
	void classesOutOfRangeAreRefused() {
		Tally tally = new Tally(3);
		assertThatIllegalArgumentException().isThrownBy(() -> tally.add(3, 0))
			.withMessage("There is no actual class 3: the classes are 0 to 2");
		assertThatIllegalArgumentException().isThrownBy(() -> tally.add(-1, 0))
			.withMessage("There is no actual class -1: the classes are 0 to 2");
		assertThatIllegalArgumentException().isThrownBy(() -> tally.add(0, 3))
			.withMessage("There is no predicted class 3: the classes are 0 to 2");
		assertThatIllegalArgumentException().isThrownBy(() -> tally.add(0, -1))
			.withMessage("There is no predicted class -1: the classes are 0 to 2");
		assertThat(tally.count()).isZero();
		tally.add(0, 0);
		Evaluation evaluation = tally.result();
		assertThatIllegalArgumentException().isThrownBy(() -> evaluation.figures(3))
			.withMessage("There is no class 3: the classes are 0 to 2");
		assertThatIllegalArgumentException().isThrownBy(() -> evaluation.figures(-1))
			.withMessage("There is no class -1: the classes are 0 to 2");
	}

	@Test
	void fewerThanTwoClassesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Tally(1))
			.withMessage("A classifier needs at least 2 classes, but numClasses is 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new Tally(0))
			.withMessage("A classifier needs at least 2 classes, but numClasses is 0");
	}

	@Test
	void anEmptyTallyHasNoResult() {
		Tally tally = new Tally(2);
		assertThat(tally.count()).isZero();
		assertThatIllegalStateException().isThrownBy(tally::result).withMessage("There are no examples to evaluate");
	}

	@Test
	void labelsOfTheWrongNumberAreRefused() {
		Evaluation evaluation = tally(MATRIX).result();
		assertThatIllegalArgumentException().isThrownBy(() -> evaluation.withLabels(ClassLabels.of("a", "b")))
			.withMessage("The evaluation has 3 classes, but there are 2 labels: ClassLabels[a, b]");
		assertThatIllegalArgumentException().isThrownBy(() -> evaluation.withLabels(ClassLabels.of("a", "b", "c", "d")))
			.withMessage("The evaluation has 3 classes, but there are 4 labels: ClassLabels[a, b, c, d]");
	}

	@Test
	void labelsNameTheFiguresOfACopy() {
		Evaluation evaluation = tally(MATRIX).result();
		ClassLabels labels = ClassLabels.of("negative", "neutral", "positive");
		Evaluation labelled = evaluation.withLabels(labels);
		assertThat(labelled.labels()).isSameAs(labels);
		assertThat(labelled.figures("neutral")).isEqualTo(new ClassFigures(1, "neutral", 10, 9,
				evaluation.figures(1).precision(), evaluation.figures(1).recall(), evaluation.figures(1).f1()));
		assertThat(labelled.classes()).extracting(ClassFigures::label)
			.containsExactly("negative", "neutral", "positive");
		assertThat(labelled.accuracy()).isEqualTo(evaluation.accuracy());
		assertThat(labelled.macroF1()).isEqualTo(evaluation.macroF1());
		assertThat(labelled.confusionMatrix()).isDeepEqualTo(MATRIX);
		assertThat(evaluation.labels()).isNull();
		assertThat(evaluation.figures(1).label()).isNull();
		assertThat(labelled.toString()).contains("\nneutral   0.667      0.600   0.632  10\n")
			.contains("\n          negative  neutral  positive\n");
	}

	@Test
	void figuresByNameNeedKnownLabels() {
		Evaluation evaluation = tally(MATRIX).result();
		assertThatIllegalStateException().isThrownBy(() -> evaluation.figures("neutral"))
			.withMessage("The evaluation has no labels: see withLabels");
		Evaluation labelled = evaluation.withLabels(ClassLabels.of("negative", "neutral", "positive"));
		assertThatIllegalArgumentException().isThrownBy(() -> labelled.figures("Neutral"))
			.withMessage("There is no label \"Neutral\": the labels are negative, neutral, positive");
	}

	@Test
	void toStringOfTwoClassesIsATable() {
		Evaluation evaluation = tally(new long[][] { { 91, 9 }, { 8, 92 } }).result()
			.withLabels(ClassLabels.of("negative", "positive"));
		// precision 91/99 and 92/101, recall 91/100 and 92/100, F1 182/199 and 184/201
		assertThat(evaluation).hasToString("""
				Evaluation of 200 examples: accuracy 0.915, macro-F1 0.915
				class     precision  recall  f1     support
				negative  0.919      0.910   0.915  100
				positive  0.911      0.920   0.915  100
				confusion matrix (rows: actual, columns: predicted)
				          negative  positive
				negative  91        9
				positive  8         92""");
	}

	@Test
	void toStringWithoutLabelsNumbersTheClasses() {
		Evaluation evaluation = tally(new long[][] { { 1, 0 }, { 0, 0 } }).result();
		assertThat(evaluation).hasToString("""
				Evaluation of 1 example: accuracy 1.000, macro-F1 0.500
				class    precision  recall  f1     support
				class 0  1.000      1.000   1.000  1
				class 1  0.000      0.000   0.000  0
				confusion matrix (rows: actual, columns: predicted)
				         class 0  class 1
				class 0  1        0
				class 1  0        0""");
	}

	@Test
	void toStringDoesNotDependOnTheDefaultLocale() {
		Locale locale = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
		try {
			assertThat(tally(MATRIX).result().toString()).startsWith("Evaluation of 23 examples: accuracy 0.652, ");
		}
		finally {
			Locale.setDefault(locale);
		}
	}

	@Test
	void toStringCutsLongLabelsAndKeepsLinesWhole() {
		String longName = "a name of thirty characters..";
		String emoji = "x".repeat(22) + "\uD83D\uDE00 and more";
		Evaluation evaluation = tally(new long[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }).result()
			.withLabels(ClassLabels.of(longName + "!", "line\nbreak", emoji));
		assertThat(evaluation.figures(0).label()).isEqualTo(longName + "!");
		assertThat(evaluation.figures(2).label()).isEqualTo(emoji);
		assertThat(evaluation.toString().lines()).contains("a name of thirty charac…  1.000      1.000   1.000  1",
				"line?break                1.000      1.000   1.000  1",
				"x".repeat(22) + "…   1.000      1.000   1.000  1",
				"                          a name of thirty charac…  line?break  " + "x".repeat(22) + "…");
	}

	@Test
	void toStringOfMoreThanTenClassesOmitsTheMatrix() {
		Tally tally = new Tally(11);
		for (int i = 0; i < 11; i++) {
			tally.add(i, (i + 1) % 11);
		}
		String text = tally.result().toString();
		assertThat(text.lines()).hasSize(14)
			.startsWith("Evaluation of 11 examples: accuracy 0.000, macro-F1 0.000")
			.contains("class 10  0.000      0.000   0.000  1")
			.endsWith("confusion matrix omitted: 11 classes, see confusionMatrix()");
		assertThat(text).doesNotContain("rows: actual");
	}

	@Test
	void toStringOfTenClassesShowsTheMatrix() {
		Tally tally = new Tally(10);
		tally.add(9, 0);
		assertThat(tally.result().toString().lines()).hasSize(1 + 11 + 1 + 11)
			.contains("confusion matrix (rows: actual, columns: predicted)")
			.endsWith("class 9  1        0        0        0        0        0        0        0        0        0");
	}

	@Test
	void toStringOfMoreThanAHundredClassesHasRowsForTheClassesPresentOrPredictedOnly() {
		Tally tally = new Tally(150);
		tally.add(5, 7);
		tally.add(149, 149);
		assertThat(tally.result().toString()).isEqualTo("""
				Evaluation of 2 examples: accuracy 0.500, macro-F1 0.007
				class      precision  recall  f1     support
				class 5    0.000      0.000   0.000  1
				class 7    0.000      0.000   0.000  0
				class 149  1.000      1.000   1.000  1
				147 more classes omitted: see classes()
				confusion matrix omitted: 150 classes, see confusionMatrix()""");
	}

	@Test
	void toStringHasAHundredRowsAtMost() {
		Tally tally = new Tally(10_000);
		for (int i = 0; i < 500; i++) {
			tally.add(i, i + 500);
		}
		assertThat(tally.result().toString().lines()).hasSize(1 + 101 + 2)
			.contains("class 99  0.000      0.000   0.000  1", "9900 more classes omitted: see classes()")
			.last()
			.isEqualTo("confusion matrix omitted: 10000 classes, see confusionCount(actual, predicted)");
	}

	@Test
	void confusionCountReadsOneCountOfTheMatrix() {
		Evaluation evaluation = tally(MATRIX).result();
		for (int actual = 0; actual < 3; actual++) {
			for (int predicted = 0; predicted < 3; predicted++) {
				assertThat(evaluation.confusionCount(actual, predicted)).isEqualTo(MATRIX[actual][predicted]);
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> evaluation.confusionCount(3, 0))
			.withMessage("There is no actual class 3: the classes are 0 to 2");
		assertThatIllegalArgumentException().isThrownBy(() -> evaluation.confusionCount(0, -1))
			.withMessage("There is no predicted class -1: the classes are 0 to 2");
	}

	@Test
	void confusionMatrixIsGivenForAThousandClassesAtMost() {
		Tally thousand = new Tally(1_000);
		thousand.add(999, 3);
		long[][] matrix = thousand.result().confusionMatrix();
		assertThat(matrix).hasNumberOfRows(1_000);
		assertThat(matrix[999][3]).isOne();
		Tally more = new Tally(1_001);
		more.add(1_000, 3);
		Evaluation evaluation = more.result();
		assertThatIllegalStateException().isThrownBy(evaluation::confusionMatrix)
			.withMessage("confusionMatrix() is limited to 1000 classes (8 MB), but the evaluation has 1001 "
					+ "(8 MB): read the counts with confusionCount(actual, predicted)");
		assertThat(evaluation.confusionCount(1_000, 3)).isOne();
	}

	@Test
	void figuresOfEveryClassAreComputedAsTheyAreRead() {
		Tally tally = new Tally(100_000);
		tally.add(3, 3);
		tally.add(3, 99_999);
		Evaluation evaluation = tally.result()
			.withLabels(
					ClassLabels.of(IntStream.range(0, 100_000).mapToObj((i) -> "label " + i).toArray(String[]::new)));
		assertThat(evaluation.classes()).hasSize(100_000);
		assertThat(evaluation.classes().get(3)).isEqualTo(evaluation.figures(3))
			.isEqualTo(new ClassFigures(3, "label 3", 2, 1, 1, 0.5, 2.0 / 3));
		assertThat(evaluation.classes().get(99_999)).isEqualTo(new ClassFigures(99_999, "label 99999", 0, 1, 0, 0, 0));
		assertThat(evaluation.classes().get(50)).isEqualTo(new ClassFigures(50, "label 50", 0, 0, 0, 0, 0));
		assertThat(evaluation.macroF1()).isCloseTo(2.0 / 3 / 100_000, within(EXACT));
	}

	@Test
	void tallyKeepsCountingWithoutChangingAnEarlierResult() {
		Tally tally = new Tally(2);
		tally.add(0, 0);
		tally.add(1, 0);
		Evaluation earlier = tally.result();
		tally.add(1, 1);
		tally.add(1, 1);
		assertThat(tally.count()).isEqualTo(4);
		assertThat(earlier.count()).isEqualTo(2);
		assertThat(earlier.confusionMatrix()).isDeepEqualTo(new long[][] { { 1, 0 }, { 1, 0 } });
		assertThat(earlier.accuracy()).isEqualTo(0.5);
		assertThat(earlier.figures(1).support()).isEqualTo(1);
		Evaluation later = tally.result();
		assertThat(later.count()).isEqualTo(4);
		assertThat(later.confusionMatrix()).isDeepEqualTo(new long[][] { { 1, 0 }, { 1, 2 } });
		assertThat(later.accuracy()).isEqualTo(0.75);
	}

	@Test
	void confusionMatrixIsACopy() {
		Evaluation evaluation = tally(MATRIX).result();
		long[][] matrix = evaluation.confusionMatrix();
		matrix[0][0] = 1000;
		matrix[2] = new long[] { 7, 7, 7 };
		assertThat(evaluation.confusionMatrix()).isDeepEqualTo(MATRIX).isNotSameAs(evaluation.confusionMatrix());
		assertThat(evaluation.withLabels(ClassLabels.of("a", "b", "c")).confusionMatrix()).isDeepEqualTo(MATRIX);
		assertThat(evaluation.figures(0).support()).isEqualTo(8);
	}

	@Test
	void classesAreUnmodifiable() {
		Evaluation evaluation = tally(MATRIX).result();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> evaluation.classes().remove(0));
	}

	@Test
	void millionsOfExamplesAreCountedExactly() {
		Tally tally = new Tally(3);
		for (int i = 0; i < 3_000_000; i++) {
			tally.add(i % 3, (i % 6 == 5) ? 0 : i % 3);
		}
		Evaluation evaluation = tally.result();
		assertThat(evaluation.count()).isEqualTo(3_000_000L);
		// every second example of class 2 (i % 6 == 5) is predicted as 0
		assertThat(evaluation.confusionMatrix())
			.isDeepEqualTo(new long[][] { { 1_000_000, 0, 0 }, { 0, 1_000_000, 0 }, { 500_000, 0, 500_000 } });
		assertThat(evaluation.figures(0).predicted()).isEqualTo(1_500_000L);
		assertThat(evaluation.figures(2).support()).isEqualTo(1_000_000L);
		assertThat(evaluation.accuracy()).isCloseTo(2_500_000.0 / 3_000_000, within(EXACT));
		assertThat(evaluation.figures(0).precision()).isCloseTo(1_000_000.0 / 1_500_000, within(EXACT));
		assertThat(evaluation.toString()).endsWith("\nclass 2  500000   0        500000");
	}

	private static Tally tally(long[][] matrix) {
		Tally tally = new Tally(matrix.length);
		for (int actual = 0; actual < matrix.length; actual++) {
			for (int predicted = 0; predicted < matrix.length; predicted++) {
				for (long n = 0; n < matrix[actual][predicted]; n++) {
					tally.add(actual, predicted);
				}
			}
		}
		return tally;
	}

	private static void assertFigures(ClassFigures figures, long support, long predicted, double precision,
			double recall, double f1) {
		assertThat(figures.support()).isEqualTo(support);
		assertThat(figures.predicted()).isEqualTo(predicted);
		assertThat(figures.precision()).isCloseTo(precision, within(EXACT));
		assertThat(figures.recall()).isCloseTo(recall, within(EXACT));
		assertThat(figures.f1()).isCloseTo(f1, within(EXACT));
	}

}

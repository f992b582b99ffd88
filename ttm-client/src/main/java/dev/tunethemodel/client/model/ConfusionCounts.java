package dev.tunethemodel.client.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.model.Evaluation.ClassFigures;

/**
 * The counts of a confusion matrix, kept sparse: a count for each pair of an actual and a
 * predicted class that occurred, and the sums of each class present or predicted, so that
 * memory grows with the examples (at most one pair and two classes each), never with the
 * square of the number of classes. Immutable, and safe to share between threads.
 */
final class ConfusionCounts {

	private final int numClasses;

	private final long count;

	// the pairs as actual * numClasses + predicted, in order, and their counts
	private final long[] pairs;

	private final long[] pairCounts;

	// the classes present or predicted, in order, and their sums
	private final int[] classes;

	private final long[] support;

	private final long[] predicted;

	private final long[] truePositives;

	private final double accuracy;

	private final double macroF1;

	/**
	 * Gather the counts of a tally.
	 * @param numClasses the number of classes
	 * @param counted how often each pair occurred, by {@code actual * numClasses +
	 * predicted}
	 * @param count the number of examples
	 */
	ConfusionCounts(int numClasses, Map<Long, long[]> counted, long count) {
		this.numClasses = numClasses;
		this.count = count;
		List<Map.Entry<Long, long[]>> sorted = counted.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
		this.pairs = sorted.stream().mapToLong(Map.Entry::getKey).toArray();
		this.pairCounts = sorted.stream().mapToLong((entry) -> entry.getValue()[0]).toArray();
		this.classes = LongStream.of(this.pairs)
			.flatMap((pair) -> LongStream.of(pair / numClasses, pair % numClasses))
			.mapToInt((index) -> (int) index)
			.distinct()
			.sorted()
			.toArray();
		this.support = new long[this.classes.length];
		this.predicted = new long[this.classes.length];
		this.truePositives = new long[this.classes.length];
		long correct = 0;
		for (int i = 0; i < this.pairs.length; i++) {
			int actual = (int) (this.pairs[i] / numClasses);
			int predictedClass = (int) (this.pairs[i] % numClasses);
			this.support[seen(actual)] += this.pairCounts[i];
			this.predicted[seen(predictedClass)] += this.pairCounts[i];
			if (actual == predictedClass) {
				this.truePositives[seen(actual)] = this.pairCounts[i];
				correct += this.pairCounts[i];
			}
		}
		double sumOfF1 = 0;
		for (int i = 0; i < this.classes.length; i++) {
			sumOfF1 += f1(i);
		}
		this.accuracy = ratio(correct, count);
		// a class neither present nor predicted has an F1 of 0
		this.macroF1 = sumOfF1 / numClasses;
	}

	int numClasses() {
		return this.numClasses;
	}

	long count() {
		return this.count;
	}

	double accuracy() {
		return this.accuracy;
	}

	double macroF1() {
		return this.macroF1;
	}

	/**
	 * Return how many examples of a class were predicted as a class.
	 * @param actual the class of the examples
	 * @param predicted the class predicted
	 * @return the count
	 */
	long count(int actual, int predicted) {
		checkClass("actual class", actual, this.numClasses);
		checkClass("predicted class", predicted, this.numClasses);
		int pair = Arrays.binarySearch(this.pairs, (long) actual * this.numClasses + predicted);
		return (pair >= 0) ? this.pairCounts[pair] : 0;
	}

	/**
	 * Return how many classes are present or predicted.
	 * @return the number of classes seen
	 */
	int numClassesSeen() {
		return this.classes.length;
	}

	/**
	 * Return a class present or predicted.
	 * @param seen its rank among the classes seen, from 0
	 * @return its index
	 */
	int classSeen(int seen) {
		return this.classes[seen];
	}

	/**
	 * Return the figures of a class.
	 * @param classIndex the index of the class
	 * @param label its name, {@code null} if it has none
	 * @return its figures
	 */
	ClassFigures figures(int classIndex, @Nullable String label) {
		checkClass("class", classIndex, this.numClasses);
		int seen = Arrays.binarySearch(this.classes, classIndex);
		if (seen < 0) {
			return new ClassFigures(classIndex, label, 0, 0, 0, 0, 0);
		}
		return new ClassFigures(classIndex, label, this.support[seen], this.predicted[seen],
				ratio(this.truePositives[seen], this.predicted[seen]),
				ratio(this.truePositives[seen], this.support[seen]), f1(seen));
	}

	/**
	 * Return the whole matrix.
	 * @return a new matrix, indexed {@code [actual][predicted]}
	 */
	long[][] matrix() {
		long[][] matrix = new long[this.numClasses][this.numClasses];
		for (int i = 0; i < this.pairs.length; i++) {
			matrix[(int) (this.pairs[i] / this.numClasses)][(int) (this.pairs[i]
					% this.numClasses)] = this.pairCounts[i];
		}
		return matrix;
	}

	/**
	 * Refuse an index that is not a class.
	 * @param kind what the index is, for the message
	 * @param index the index
	 * @param numClasses the number of classes
	 * @throws IllegalArgumentException if there is no class of that index
	 */
	static void checkClass(String kind, int index, int numClasses) {
		if (index < 0 || index >= numClasses) {
			throw new IllegalArgumentException(
					"There is no " + kind + " " + index + ": the classes are 0 to " + (numClasses - 1));
		}
	}

	// 2 TP / (support + predicted) is 2PR / (P + R), rounded once
	private double f1(int seen) {
		return ratio(2 * this.truePositives[seen], this.support[seen] + this.predicted[seen]);
	}

	private int seen(int classIndex) {
		return Arrays.binarySearch(this.classes, classIndex);
	}

	private static double ratio(long numerator, long denominator) {
		return (denominator != 0) ? (double) numerator / denominator : 0;
	}

}

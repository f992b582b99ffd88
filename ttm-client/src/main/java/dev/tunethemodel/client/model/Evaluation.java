package dev.tunethemodel.client.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The figures of a trained classifier on labelled examples: its accuracy, its macro-F1,
 * and the precision, recall and F1 of each class. They come from the counts of a
 * confusion matrix, filled in one pass; the examples themselves are never kept, and the
 * matrix is kept sparse, one count for each pair of an actual and a predicted class that
 * occurred, so memory grows with the examples, not with the number of classes: an
 * evaluation of 10,000 classes takes little more than its examples' pairs.
 * <p>
 * Of the examples counted for a class, TP are of that class and predicted as it, FP are
 * of another class but predicted as it, and FN are of that class but predicted as
 * another:
 * <ul>
 * <li>precision = TP / (TP + FP), the share of the examples predicted as the class that
 * are of it;</li>
 * <li>recall = TP / (TP + FN), the share of the examples of the class that are predicted
 * as it;</li>
 * <li>F1 = 2 &middot; precision &middot; recall / (precision + recall), their harmonic
 * mean.</li>
 * </ul>
 * A figure whose denominator is 0 is 0, as scikit-learn computes it with
 * {@code zero_division=0}: a class never predicted has a precision of 0, a class never
 * present has a recall of 0, and either has an F1 of 0. The macro-F1 is the unweighted
 * mean of the F1 of all classes, those never present included. The accuracy is the share
 * of the examples whose predicted class is their actual class.
 * <p>
 * An evaluation is immutable, and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class Evaluation {

	// the maximum number of classes confusionMatrix() gives a whole matrix for: 8 MB
	static final int MAX_MATRIX_CLASSES = 1_000;

	// never changed, so that copies may share them
	private final ConfusionCounts counts;

	private final @Nullable ClassLabels labels;

	private final List<ClassFigures> classes = new ClassFiguresList();

	private Evaluation(ConfusionCounts counts, @Nullable ClassLabels labels) {
		this.counts = counts;
		this.labels = labels;
	}

	/**
	 * Return the number of examples evaluated.
	 * @return the number of examples, at least 1
	 */
	public long count() {
		return this.counts.count();
	}

	/**
	 * Return the number of classes of the classifier.
	 * @return the number of classes, at least 2
	 */
	public int numClasses() {
		return this.counts.numClasses();
	}

	/**
	 * Return the share of the examples whose predicted class is their actual class.
	 * @return the accuracy, from 0 to 1
	 */
	public double accuracy() {
		return this.counts.accuracy();
	}

	/**
	 * Return the unweighted mean of the F1 of all classes, a class that is never present
	 * counting with an F1 of 0.
	 * @return the macro-F1, from 0 to 1
	 */
	public double macroF1() {
		return this.counts.macroF1();
	}

	/**
	 * Return the confusion matrix: how many examples of each actual class were predicted
	 * as each class. It takes {@code 8 * numClasses²} bytes, 8 MB for 1,000 classes and
	 * 800 MB for 10,000, so it is given for at most 1,000 classes: read the counts of
	 * more with {@link #confusionCount(int, int)}.
	 * @return a new matrix, indexed {@code [actual][predicted]}, that the caller may
	 * change
	 * @throws IllegalStateException if there are more than 1,000 classes
	 */
	public long[][] confusionMatrix() {
		int numClasses = numClasses();
		if (numClasses > MAX_MATRIX_CLASSES) {
			throw new IllegalStateException("confusionMatrix() is limited to " + MAX_MATRIX_CLASSES + " classes ("
					+ megabytes(MAX_MATRIX_CLASSES) + " MB), but the evaluation has " + numClasses + " ("
					+ megabytes(numClasses) + " MB): read the counts with confusionCount(actual, predicted)");
		}
		return this.counts.matrix();
	}

	/**
	 * Return one count of the confusion matrix, whatever the number of classes.
	 * @param actual the actual class of the examples
	 * @param predicted the class they were predicted as
	 * @return how many examples of the actual class were predicted as the other
	 * @throws IllegalArgumentException if either is not a class
	 */
	public long confusionCount(int actual, int predicted) {
		return this.counts.count(actual, predicted);
	}

	/**
	 * Return the figures of each class. The list computes the figures of a class when it
	 * is read, so that it costs nothing for many classes.
	 * @return an unmodifiable list of the figures, one for each class, in the order of
	 * the classes
	 */
	public List<ClassFigures> classes() {
		return this.classes;
	}

	/**
	 * Return the figures of a class.
	 * @param classIndex the index of the class
	 * @return its figures
	 * @throws IllegalArgumentException if there is no class of that index
	 */
	public ClassFigures figures(int classIndex) {
		ConfusionCounts.checkClass("class", classIndex, numClasses());
		return this.counts.figures(classIndex, (this.labels != null) ? this.labels.name(classIndex) : null);
	}

	/**
	 * Return the figures of a class named by the evaluation's {@link #labels() labels}.
	 * @param label the name of the class, matched exactly
	 * @return its figures
	 * @throws IllegalStateException if the evaluation has no labels
	 * @throws IllegalArgumentException if no class has that name
	 * @see #withLabels(ClassLabels)
	 */
	public ClassFigures figures(String label) {
		Assert.notNull(label, "The label must not be null");
		if (this.labels == null) {
			throw new IllegalStateException("The evaluation has no labels: see withLabels");
		}
		return figures(this.labels.index(label));
	}

	/**
	 * Return the names of the classes.
	 * @return the labels, or {@code null} if the classes have no names
	 */
	public @Nullable ClassLabels labels() {
		return this.labels;
	}

	/**
	 * Return a copy whose classes are named by the given labels.
	 * @param labels the names of the classes, one for each class
	 * @return the copy
	 * @throws IllegalArgumentException if there are not as many labels as classes
	 */
	public Evaluation withLabels(ClassLabels labels) {
		Assert.notNull(labels, "The labels must not be null");
		if (labels.size() != numClasses()) {
			throw new IllegalArgumentException("The evaluation has " + numClasses() + " classes, but there are "
					+ labels.size() + " labels: " + labels);
		}
		return new Evaluation(this.counts, labels);
	}

	/**
	 * Return a table of the figures: the accuracy and the macro-F1, the precision,
	 * recall, F1 and support of each class, and the confusion matrix unless there are
	 * more than 10 classes. With more than 100 classes, only those present or predicted
	 * have a row, at most 100, so that the table stays short. Labels longer than 24
	 * characters are cut in the table.
	 * @return the table, one line for each row
	 */
	@Override
	public String toString() {
		return new EvaluationTable(this).toString();
	}

	/**
	 * Return the counts the figures come from.
	 * @return the counts
	 */
	ConfusionCounts counts() {
		return this.counts;
	}

	private static long megabytes(int numClasses) {
		return 8L * numClasses * numClasses / 1_000_000;
	}

	/**
	 * The figures of one class of an {@link Evaluation}. A figure whose denominator is 0
	 * is 0.
	 *
	 * @param index the index of the class
	 * @param label the name of the class, {@code null} if the evaluation has no labels
	 * @param support the number of examples whose actual class it is (TP + FN)
	 * @param predicted the number of examples predicted as it (TP + FP)
	 * @param precision TP / (TP + FP), from 0 to 1
	 * @param recall TP / (TP + FN), from 0 to 1
	 * @param f1 2 &middot; precision &middot; recall / (precision + recall), from 0 to 1
	 * @since 0.1.0
	 */
	public record ClassFigures(int index, @Nullable String label, long support, long predicted, double precision,
			double recall, double f1) {

	}

	/**
	 * Counts examples into a sparse confusion matrix, one {@link #add} for each, of which
	 * {@link #result()} computes the figures. It holds a count for each pair of an actual
	 * and a predicted class that occurred: at most one for each example. A tally is not
	 * thread-safe: it takes one caller at a time.
	 */
	public static final class Tally {

		private final int numClasses;

		private final Map<Long, long[]> counts = new HashMap<>();

		private long count;

		/**
		 * Create a tally of no examples.
		 * @param numClasses the number of classes, at least 2
		 * @throws IllegalArgumentException if there are fewer than 2 classes
		 */
		public Tally(int numClasses) {
			if (numClasses < 2) {
				throw new IllegalArgumentException(
						"A classifier needs at least 2 classes, but numClasses is " + numClasses);
			}
			this.numClasses = numClasses;
		}

		/**
		 * Return the number of classes.
		 * @return the number of classes
		 */
		public int numClasses() {
			return this.numClasses;
		}

		/**
		 * Count an example.
		 * @param actual the class of the example
		 * @param predicted the class the classifier predicted for it
		 * @throws IllegalArgumentException if either class is out of range
		 */
		public void add(int actual, int predicted) {
			ConfusionCounts.checkClass("actual class", actual, this.numClasses);
			ConfusionCounts.checkClass("predicted class", predicted, this.numClasses);
			this.counts.computeIfAbsent((long) actual * this.numClasses + predicted, (pair) -> new long[1])[0]++;
			this.count++;
		}

		/**
		 * Return the number of examples counted so far.
		 * @return the number of examples
		 */
		public long count() {
			return this.count;
		}

		/**
		 * Return the figures of the examples counted so far. The tally may go on counting
		 * without changing them.
		 * @return the evaluation, without labels
		 * @throws IllegalStateException if no example has been counted
		 */
		public Evaluation result() {
			if (this.count == 0) {
				throw new IllegalStateException("There are no examples to evaluate");
			}
			return new Evaluation(new ConfusionCounts(this.numClasses, this.counts, this.count), null);
		}

	}

	/**
	 * The figures of each class, computed as they are read.
	 */
	private final class ClassFiguresList extends AbstractList<ClassFigures> implements RandomAccess {

		@Override
		public ClassFigures get(int index) {
			return figures(index);
		}

		@Override
		public int size() {
			return numClasses();
		}

	}

}

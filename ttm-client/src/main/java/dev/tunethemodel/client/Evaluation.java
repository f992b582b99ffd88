package dev.tunethemodel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The figures of a trained classifier on labelled examples: its accuracy, its macro-F1,
 * and the precision, recall and F1 of each class. They come from the counts of a
 * confusion matrix, filled in one pass; the examples themselves are never kept, so memory
 * grows with the square of the number of classes, not with the number of examples.
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

	private static final int MAX_MATRIX_CLASSES = 10;

	private static final int MAX_NAME_LENGTH = 24;

	private static final int GAP = 2;

	// never changed after the constructor, nor given out, so that copies may share it
	private final long[][] matrix;

	private final long count;

	private final @Nullable ClassLabels labels;

	private final List<ClassFigures> classes;

	private final double accuracy;

	private final double macroF1;

	private Evaluation(long[][] matrix, long count, @Nullable ClassLabels labels) {
		this.matrix = matrix;
		this.count = count;
		this.labels = labels;
		int numClasses = matrix.length;
		long[] predicted = new long[numClasses];
		for (long[] row : matrix) {
			for (int j = 0; j < numClasses; j++) {
				predicted[j] += row[j];
			}
		}
		List<ClassFigures> classes = new ArrayList<>(numClasses);
		long correct = 0;
		double sumOfF1 = 0;
		for (int i = 0; i < numClasses; i++) {
			long truePositives = matrix[i][i];
			long support = 0;
			for (long cell : matrix[i]) {
				support += cell;
			}
			// 2 TP / (support + predicted) is 2PR / (P + R), rounded once
			ClassFigures figures = new ClassFigures(i, (labels != null) ? labels.name(i) : null, support, predicted[i],
					ratio(truePositives, predicted[i]), ratio(truePositives, support),
					ratio(2 * truePositives, support + predicted[i]));
			classes.add(figures);
			correct += truePositives;
			sumOfF1 += figures.f1();
		}
		this.classes = List.copyOf(classes);
		this.accuracy = ratio(correct, count);
		this.macroF1 = sumOfF1 / numClasses;
	}

	private static double ratio(long numerator, long denominator) {
		return (denominator != 0) ? (double) numerator / denominator : 0;
	}

	/**
	 * Return the number of examples evaluated.
	 * @return the number of examples, at least 1
	 */
	public long count() {
		return this.count;
	}

	/**
	 * Return the number of classes of the classifier.
	 * @return the number of classes, at least 2
	 */
	public int numClasses() {
		return this.matrix.length;
	}

	/**
	 * Return the share of the examples whose predicted class is their actual class.
	 * @return the accuracy, from 0 to 1
	 */
	public double accuracy() {
		return this.accuracy;
	}

	/**
	 * Return the unweighted mean of the F1 of all classes, a class that is never present
	 * counting with an F1 of 0.
	 * @return the macro-F1, from 0 to 1
	 */
	public double macroF1() {
		return this.macroF1;
	}

	/**
	 * Return the confusion matrix: how many examples of each actual class were predicted
	 * as each class.
	 * @return a copy of the matrix, indexed {@code [actual][predicted]}, that the caller
	 * may change
	 */
	public long[][] confusionMatrix() {
		return copy(this.matrix);
	}

	/**
	 * Return the figures of each class.
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
		checkClass("class", classIndex, numClasses());
		return this.classes.get(classIndex);
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
		ArgumentChecks.requireNonNull("label", label);
		if (this.labels == null) {
			throw new IllegalStateException("The evaluation has no labels: see withLabels");
		}
		return this.classes.get(this.labels.index(label));
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
		ArgumentChecks.requireNonNull("labels", labels);
		if (labels.size() != numClasses()) {
			throw new IllegalArgumentException("The evaluation has " + numClasses() + " classes, but there are "
					+ labels.size() + " labels: " + labels);
		}
		return new Evaluation(this.matrix, this.count, labels);
	}

	/**
	 * Return a table of the figures: the accuracy and the macro-F1, the precision,
	 * recall, F1 and support of each class, and the confusion matrix unless there are
	 * more than 10 classes. Labels longer than 24 characters are cut in the table.
	 * @return the table, one line for each row
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Evaluation of ").append(this.count)
			.append((this.count == 1) ? " example" : " examples")
			.append(": accuracy ")
			.append(decimal(this.accuracy))
			.append(", macro-F1 ")
			.append(decimal(this.macroF1));
		List<String> names = new ArrayList<>(numClasses());
		for (int i = 0; i < numClasses(); i++) {
			names.add((this.labels != null) ? shortName(this.labels.name(i)) : "class " + i);
		}
		List<String[]> figures = new ArrayList<>(numClasses() + 1);
		figures.add(new String[] { "class", "precision", "recall", "f1", "support" });
		for (ClassFigures each : this.classes) {
			figures.add(new String[] { names.get(each.index()), decimal(each.precision()), decimal(each.recall()),
					decimal(each.f1()), Long.toString(each.support()) });
		}
		appendTable(text, figures);
		if (numClasses() > MAX_MATRIX_CLASSES) {
			return text.append("\nconfusion matrix omitted: ")
				.append(numClasses())
				.append(" classes, see confusionMatrix()")
				.toString();
		}
		text.append("\nconfusion matrix (rows: actual, columns: predicted)");
		List<String[]> counts = new ArrayList<>(numClasses() + 1);
		String[] header = new String[numClasses() + 1];
		header[0] = "";
		for (int j = 0; j < numClasses(); j++) {
			header[j + 1] = names.get(j);
		}
		counts.add(header);
		for (int i = 0; i < numClasses(); i++) {
			String[] row = new String[numClasses() + 1];
			row[0] = names.get(i);
			for (int j = 0; j < numClasses(); j++) {
				row[j + 1] = Long.toString(this.matrix[i][j]);
			}
			counts.add(row);
		}
		appendTable(text, counts);
		return text.toString();
	}

	private static String decimal(double figure) {
		return String.format(Locale.ROOT, "%.3f", figure);
	}

	// a label must not break the table's lines nor widen it without bound
	private static String shortName(String name) {
		int end = name.length();
		if (end > MAX_NAME_LENGTH) {
			end = MAX_NAME_LENGTH - 1;
			if (Character.isHighSurrogate(name.charAt(end - 1))) {
				end--;
			}
		}
		StringBuilder shortName = new StringBuilder(end + 1);
		for (int i = 0; i < end; i++) {
			char c = name.charAt(i);
			shortName.append(Character.isISOControl(c) ? '?' : c);
		}
		if (end < name.length()) {
			shortName.append('…');
		}
		return shortName.toString();
	}

	// the last cell is not padded, so that no line ends in blanks
	private static void appendTable(StringBuilder text, List<String[]> rows) {
		int columns = rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : rows) {
			for (int j = 0; j < columns; j++) {
				widths[j] = Math.max(widths[j], row[j].length());
			}
		}
		for (String[] row : rows) {
			text.append('\n');
			for (int j = 0; j < columns - 1; j++) {
				text.append(row[j]).append(" ".repeat(widths[j] - row[j].length() + GAP));
			}
			text.append(row[columns - 1]);
		}
	}

	private static long[][] copy(long[][] matrix) {
		long[][] copy = new long[matrix.length][];
		for (int i = 0; i < matrix.length; i++) {
			copy[i] = matrix[i].clone();
		}
		return copy;
	}

	private static void checkClass(String kind, int index, int numClasses) {
		if (index < 0 || index >= numClasses) {
			throw new IllegalArgumentException(
					"There is no " + kind + " " + index + ": the classes are 0 to " + (numClasses - 1));
		}
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
	 * Counts examples into a confusion matrix, one {@link #add} for each, of which
	 * {@link #result()} computes the figures. A tally is not thread-safe: it takes one
	 * caller at a time.
	 */
	static final class Tally {

		private final long[][] matrix;

		private long count;

		/**
		 * Create a tally of no examples.
		 * @param numClasses the number of classes, at least 2
		 * @throws IllegalArgumentException if there are fewer than 2 classes
		 */
		Tally(int numClasses) {
			if (numClasses < 2) {
				throw new IllegalArgumentException(
						"A classifier needs at least 2 classes, but numClasses is " + numClasses);
			}
			this.matrix = new long[numClasses][numClasses];
		}

		/**
		 * Count an example.
		 * @param actual the class of the example
		 * @param predicted the class the classifier predicted for it
		 * @throws IllegalArgumentException if either class is out of range
		 */
		void add(int actual, int predicted) {
			checkClass("actual class", actual, this.matrix.length);
			checkClass("predicted class", predicted, this.matrix.length);
			this.matrix[actual][predicted]++;
			this.count++;
		}

		/**
		 * Return the number of examples counted so far.
		 * @return the number of examples
		 */
		long count() {
			return this.count;
		}

		/**
		 * Return the figures of the examples counted so far. The tally may go on counting
		 * without changing them.
		 * @return the evaluation, without labels
		 * @throws IllegalStateException if no example has been counted
		 */
		Evaluation result() {
			if (this.count == 0) {
				throw new IllegalStateException("There are no examples to evaluate");
			}
			return new Evaluation(copy(this.matrix), this.count, null);
		}

	}

}

package dev.tunethemodel.client.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of an {@link Evaluation}: its figures, a row for each class, and its confusion
 * matrix when it is small, in columns aligned with spaces. Its length is bounded whatever
 * the number of classes.
 */
final class EvaluationTable {

	private static final int MAX_MATRIX_CLASSES = 10;

	private static final int MAX_ROWS = 100;

	private static final int MAX_NAME_LENGTH = 24;

	private static final int GAP = 2;

	private final Evaluation evaluation;

	EvaluationTable(Evaluation evaluation) {
		this.evaluation = evaluation;
	}

	@Override
	public String toString() {
		Evaluation evaluation = this.evaluation;
		int numClasses = evaluation.numClasses();
		StringBuilder text = new StringBuilder("Evaluation of ").append(evaluation.count())
			.append((evaluation.count() == 1) ? " example" : " examples")
			.append(": accuracy ")
			.append(decimal(evaluation.accuracy()))
			.append(", macro-F1 ")
			.append(decimal(evaluation.macroF1()));
		List<String[]> figures = new ArrayList<>();
		figures.add(new String[] { "class", "precision", "recall", "f1", "support" });
		for (int classIndex : rowClasses()) {
			Evaluation.ClassFigures each = evaluation.figures(classIndex);
			figures.add(new String[] { name(classIndex), decimal(each.precision()), decimal(each.recall()),
					decimal(each.f1()), Long.toString(each.support()) });
		}
		appendTable(text, figures);
		int omitted = numClasses - (figures.size() - 1);
		if (omitted > 0) {
			text.append('\n').append(omitted).append(" more classes omitted: see classes()");
		}
		if (numClasses > MAX_MATRIX_CLASSES) {
			return text.append("\nconfusion matrix omitted: ")
				.append(numClasses)
				.append((numClasses > Evaluation.MAX_MATRIX_CLASSES) ? " classes, see confusionCount(actual, predicted)"
						: " classes, see confusionMatrix()")
				.toString();
		}
		text.append("\nconfusion matrix (rows: actual, columns: predicted)");
		List<String[]> counts = new ArrayList<>(numClasses + 1);
		String[] header = new String[numClasses + 1];
		header[0] = "";
		for (int j = 0; j < numClasses; j++) {
			header[j + 1] = name(j);
		}
		counts.add(header);
		for (int i = 0; i < numClasses; i++) {
			String[] row = new String[numClasses + 1];
			row[0] = name(i);
			for (int j = 0; j < numClasses; j++) {
				row[j + 1] = Long.toString(evaluation.confusionCount(i, j));
			}
			counts.add(row);
		}
		appendTable(text, counts);
		return text.toString();
	}

	// every class while they are few, else those present or predicted, which say more
	private List<Integer> rowClasses() {
		int numClasses = this.evaluation.numClasses();
		List<Integer> classes = new ArrayList<>(Math.min(numClasses, MAX_ROWS));
		if (numClasses <= MAX_ROWS) {
			for (int i = 0; i < numClasses; i++) {
				classes.add(i);
			}
			return classes;
		}
		ConfusionCounts counts = this.evaluation.counts();
		for (int seen = 0; seen < counts.numClassesSeen() && classes.size() < MAX_ROWS; seen++) {
			classes.add(counts.classSeen(seen));
		}
		return classes;
	}

	private String name(int classIndex) {
		ClassLabels labels = this.evaluation.labels();
		return (labels != null) ? shortName(labels.name(classIndex)) : "class " + classIndex;
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

}

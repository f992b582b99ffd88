package dev.tunethemodel.client.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogFormatUtils;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.model.ClassLabels;

/**
 * The rows of a dataset file, read one at a time, each with its line:
 * {@link TrainingData} maps them to examples.
 */
abstract class DatasetRows implements Closeable {

	private final DatasetText text;

	DatasetRows(DatasetText text) {
		this.text = text;
	}

	/**
	 * Open a CSV file, whose first record names the columns.
	 * @param file the file
	 * @param limits how long its values and records may be
	 * @param columns the columns to read
	 * @return its rows
	 * @throws IOException if the file cannot be opened
	 */
	static DatasetRows csv(Path file, DatasetLimits limits, String... columns) throws IOException {
		return new CsvRows(new DatasetText(file), limits, List.of(columns));
	}

	/**
	 * Open a JSON Lines file.
	 * @param file the file
	 * @param limits how long its texts and lines may be
	 * @return its rows
	 * @throws IOException if the file cannot be opened
	 */
	static DatasetRows jsonLines(Path file, DatasetLimits limits) throws IOException {
		return new JsonLinesRows(new DatasetText(file), limits);
	}

	/**
	 * Read the next row.
	 * @return the row, {@code null} after the last
	 * @throws InvalidDatasetException if the file is not valid where the row is
	 */
	abstract @Nullable Row next();

	void closeQuietly() {
		try {
			close();
		}
		catch (IOException ex) {
			// read to the end or failed already: closing it changes nothing
		}
	}

	@Override
	public void close() throws IOException {
		this.text.close();
	}

	/**
	 * One row: the fields of one example and where it stands in its file.
	 */
	abstract static class Row {

		private final String source;

		private final long line;

		Row(String source, long line) {
			this.source = source;
			this.line = line;
		}

		long line() {
			return this.line;
		}

		abstract @Nullable String value(String field);

		String text(String field) {
			String value = value(field);
			if (value == null) {
				throw invalid("has no value in its " + kind() + " \"" + field + "\"");
			}
			return value;
		}

		/**
		 * Read a label: a name of the labels when there are labels, else a whole number.
		 * @param field the field of the label
		 * @param labels the names of the classes, {@code null} for numbers
		 * @return the index of the label's class
		 */
		int label(String field, @Nullable ClassLabels labels) {
			if (labels != null) {
				return namedLabel(field, labels);
			}
			String value = text(field).trim();
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw invalid("has the label " + LogFormatUtils.formatValue(value, true) + " in its " + kind() + " \""
						+ field + "\", which is not a whole number");
			}
		}

		private int namedLabel(String field, ClassLabels labels) {
			String name = text(field);
			if (holdsNumber(field)) {
				throw invalid("has a number, not a label's name, in its " + kind() + " \"" + field
						+ "\": the labels are " + String.join(", ", labels.names()));
			}
			try {
				return labels.index(name);
			}
			catch (IllegalArgumentException ex) {
				throw invalid("has the label " + LogFormatUtils.formatValue(name, true) + " in its " + kind() + " \""
						+ field + "\": the labels are " + String.join(", ", labels.names()));
			}
		}

		/**
		 * Return whether a field holds a number rather than a text, as JSON tells.
		 * @param field the field
		 * @return {@code true} for a number
		 */
		boolean holdsNumber(String field) {
			return false;
		}

		/**
		 * Return what the file calls a field.
		 * @return {@code column} or {@code field}
		 */
		abstract String kind();

		InvalidDatasetException invalid(String problem) {
			return DatasetText.invalidLine(this.source, this.line, problem);
		}

	}

}

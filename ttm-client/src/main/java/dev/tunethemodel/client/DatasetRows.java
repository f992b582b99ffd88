package dev.tunethemodel.client;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The rows of a dataset file, read one at a time, each with its line:
 * {@link TrainingData} maps them to examples.
 */
abstract class DatasetRows implements Closeable {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private static final ObjectReader csvReader = CsvMapper.builder()
		.build()
		.readerForMapOf(String.class)
		.with(CsvSchema.emptySchema().withHeader());

	/**
	 * Open a CSV file, whose first row names the columns.
	 * @param file the file
	 * @return its rows
	 * @throws IOException if the file cannot be opened
	 */
	static DatasetRows csv(Path file) throws IOException {
		return new CsvRows(file);
	}

	/**
	 * Open a JSON Lines file.
	 * @param file the file
	 * @return its rows
	 * @throws IOException if the file cannot be opened
	 */
	static DatasetRows jsonLines(Path file) throws IOException {
		return new JsonLines(file);
	}

	/**
	 * Read the next row.
	 * @return the row, {@code null} after the last
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

		int label(String field) {
			String value = text(field).trim();
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw invalid("has the label " + ArgumentChecks.quote(value) + " in its " + kind() + " \"" + field
						+ "\", which is not a whole number");
			}
		}

		/**
		 * Return what the file calls a field.
		 * @return {@code column} or {@code field}
		 */
		abstract String kind();

		InvalidDatasetException invalid(String problem) {
			return new InvalidDatasetException("Line " + this.line + " of " + this.source + " " + problem, 0,
					this.line);
		}

	}

	/**
	 * The rows of a JSON Lines file: one JSON object per line, blank lines skipped.
	 */
	private static final class JsonLines extends DatasetRows {

		private final String source;

		private final BufferedReader reader;

		private long line;

		JsonLines(Path file) throws IOException {
			this.source = file.toString();
			this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
		}

		@Override
		@Nullable Row next() {
			try {
				String text = this.reader.readLine();
				this.line++;
				while (text != null && text.isBlank()) {
					text = this.reader.readLine();
					this.line++;
				}
				return (text != null) ? parse(text) : null;
			}
			catch (IOException ex) {
				throw new TuneTheModelException("Could not read " + this.source + ": " + ex.getMessage(), ex);
			}
		}

		private Row parse(String text) {
			JsonNode object;
			try {
				object = jsonMapper.readTree(text);
			}
			catch (JacksonException ex) {
				throw new InvalidDatasetException(
						"Line " + this.line + " of " + this.source + " is not JSON: " + ex.getOriginalMessage(), 0,
						this.line);
			}
			if (!object.isObject()) {
				throw new InvalidDatasetException("Line " + this.line + " of " + this.source + " is not a JSON object",
						0, this.line);
			}
			return new Row(this.source, this.line) {

				@Override
				@Nullable String value(String field) {
					JsonNode value = object.get(field);
					return (value != null && (value.isString() || value.isNumber())) ? value.asString() : null;
				}

				@Override
				String kind() {
					return "field";
				}

			};
		}

		@Override
		public void close() throws IOException {
			this.reader.close();
		}

	}

	/**
	 * The rows of a CSV file with a header row.
	 */
	private static final class CsvRows extends DatasetRows {

		private final String source;

		private final MappingIterator<Map<String, String>> rows;

		CsvRows(Path file) throws IOException {
			this.source = file.toString();
			try {
				this.rows = csvReader.readValues(file.toFile());
			}
			catch (JacksonException ex) {
				throw new IOException(ex.getOriginalMessage(), ex);
			}
		}

		@Override
		@Nullable Row next() {
			try {
				if (!this.rows.hasNextValue()) {
					return null;
				}
				// where the parser stands before the record: its first line
				long line = this.rows.parser().currentLocation().getLineNr();
				Map<String, String> values = this.rows.nextValue();
				return new Row(this.source, line) {

					@Override
					@Nullable String value(String field) {
						return values.get(field);
					}

					@Override
					String kind() {
						return "column";
					}

				};
			}
			catch (JacksonException ex) {
				long line = this.rows.currentLocation().getLineNr();
				throw new InvalidDatasetException(
						"Line " + line + " of " + this.source + " is not valid CSV: " + ex.getOriginalMessage(), 0,
						line);
			}
		}

		@Override
		public void close() throws IOException {
			this.rows.close();
		}

	}

}

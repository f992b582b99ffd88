package dev.tunethemodel.client;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Datasets read from files, for {@link TuneTheModelOperations#train} and
 * {@link TuneTheModelOperations#upload}: cold {@link Flux}es that read their file lazily,
 * one example at a time, each time they are subscribed to, off event-loop threads. A file
 * is never held in memory, and a line that cannot be read is reported with its number in
 * an {@link InvalidDatasetException}; so is a line whose example breaks a rule of the
 * dataset.
 * <p>
 * CSV files have a header row that names the columns; JSON Lines files have one JSON
 * object per line (blank lines are skipped). Labels are whole numbers, in JSON as numbers
 * or strings.
 *
 * @since 0.1.0
 */
public final class TrainingData {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private static final ObjectReader csvReader = CsvMapper.builder()
		.build()
		.readerForMapOf(String.class)
		.with(CsvSchema.emptySchema().withHeader());

	private TrainingData() {
	}

	/**
	 * Read a classifier's examples from a CSV file.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the texts
	 * @param labelColumn the column of the labels
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierCsv(Path file, String inputColumn, String labelColumn) {
		return read(file, () -> new CsvRows(file),
				(row) -> new ClassifierExample(row.text(inputColumn), row.label(labelColumn)));
	}

	/**
	 * Read a generator's examples from a CSV file.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the prompts
	 * @param outputColumn the column of the texts to generate
	 * @return the examples, read lazily
	 */
	public static Flux<GeneratorExample> generatorCsv(Path file, String inputColumn, String outputColumn) {
		return read(file, () -> new CsvRows(file),
				(row) -> new GeneratorExample(row.text(inputColumn), row.text(outputColumn)));
	}

	/**
	 * Read a classifier's examples from a JSON Lines file.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the texts
	 * @param labelField the field of the labels
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierJsonLines(Path file, String inputField, String labelField) {
		return read(file, () -> new JsonLines(file),
				(row) -> new ClassifierExample(row.text(inputField), row.label(labelField)));
	}

	/**
	 * Read a generator's examples from a JSON Lines file.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the prompts
	 * @param outputField the field of the texts to generate
	 * @return the examples, read lazily
	 */
	public static Flux<GeneratorExample> generatorJsonLines(Path file, String inputField, String outputField) {
		return read(file, () -> new JsonLines(file),
				(row) -> new GeneratorExample(row.text(inputField), row.text(outputField)));
	}

	/**
	 * Split a dataset into a training and a validation part, like the official SDK's use
	 * of {@code train_test_split}: exactly {@code round(n * validationFraction)} of the
	 * {@code n} examples go to the validation part, chosen at random by the seed, the
	 * rest to the training part, each in its original order. The same seed gives the same
	 * split.
	 * <p>
	 * Nothing is held in memory: each part reads the examples twice, once to count them
	 * and once to choose, so they must be a cold source that gives the same examples each
	 * time, such as a file read by this class.
	 * @param <T> the type of the examples
	 * @param examples the dataset
	 * @param validationFraction the share of the validation part, between 0 and 1
	 * @param seed the seed of the choice
	 * @return the two parts
	 */
	public static <T extends TrainingExample> Split<T> split(Flux<T> examples, double validationFraction, long seed) {
		if (!(validationFraction > 0 && validationFraction < 1)) {
			throw new IllegalArgumentException(
					"validationFraction must be between 0 and 1 (exclusive), but is " + validationFraction);
		}
		return new Split<>(part(examples, validationFraction, seed, false),
				part(examples, validationFraction, seed, true));
	}

	private static <T> Flux<T> part(Flux<T> examples, double validationFraction, long seed, boolean validation) {
		return examples.count().flatMapMany((count) -> {
			Selection selection = new Selection(count, Math.round(count * validationFraction), seed);
			return examples.filter((example) -> selection.next() == validation);
		});
	}

	private static <R extends Rows, T> Flux<T> read(Path file, RowsOpener<R> opener, RowMapper<T> mapper) {
		String source = file.toString();
		return Flux.<T, R>generate(() -> open(opener, source), (rows, sink) -> {
			emitNext(rows, mapper, source, sink);
			return rows;
		}, Rows::closeQuietly).subscribeOn(Schedulers.boundedElastic());
	}

	private static <R extends Rows> R open(RowsOpener<R> opener, String source) {
		try {
			return opener.open();
		}
		catch (IOException ex) {
			throw new TuneTheModelException("Could not read " + source + ": " + ex.getMessage(), ex);
		}
	}

	private static <T> void emitNext(Rows rows, RowMapper<T> mapper, String source, SynchronousSink<T> sink) {
		Row row = rows.next();
		if (row == null) {
			sink.complete();
			return;
		}
		T example = mapper.map(row);
		ExamplePositions.record(sink.contextView(), example, source, row.line());
		sink.next(example);
	}

	/**
	 * The two parts of a dataset.
	 *
	 * @param <T> the type of the examples
	 * @param training the examples to train with
	 * @param validation the examples to validate with
	 */
	public record Split<T>(Flux<T> training, Flux<T> validation) {

	}

	/**
	 * Chooses exactly {@code wanted} of {@code count} examples, each with the same
	 * chance, in one pass and without memory (Knuth's selection sampling).
	 */
	private static final class Selection {

		private final SplittableRandom random;

		private long remaining;

		private long wanted;

		Selection(long count, long wanted, long seed) {
			this.random = new SplittableRandom(seed);
			this.remaining = count;
			this.wanted = wanted;
		}

		boolean next() {
			if (this.remaining <= 0) {
				throw new IllegalStateException("The examples changed between two reads: "
						+ "a split needs a source that gives the same examples each time");
			}
			boolean chosen = this.random.nextLong(this.remaining) < this.wanted;
			this.remaining--;
			if (chosen) {
				this.wanted--;
			}
			return chosen;
		}

	}

	@FunctionalInterface
	private interface RowsOpener<R extends Rows> {

		R open() throws IOException;

	}

	@FunctionalInterface
	private interface RowMapper<T> {

		T map(Row row);

	}

	/**
	 * The rows of a file, read one at a time.
	 */
	private abstract static class Rows implements Closeable {

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

	}

	/**
	 * One row: the fields of one example and where it stands in its file.
	 */
	private abstract static class Row {

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

	private static final class JsonLines extends Rows {

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

	private static final class CsvRows extends Rows {

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

package dev.tunethemodel.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * Datasets read from files, for {@link TuneTheModelOperations#train} and
 * {@link TuneTheModelOperations#upload}: cold {@link Flux}es that read their file lazily,
 * one example at a time, each time they are subscribed to, off event-loop threads. A file
 * is never held in memory, and a line that cannot be read is reported with its number in
 * an {@link InvalidDatasetException}; so is a line whose example breaks a rule of the
 * dataset.
 * <p>
 * Files are UTF-8, with or without a byte order mark. CSV files have a header row that
 * names the columns; JSON Lines files have one JSON object per line. Blank lines are
 * skipped in both, and still counted. Labels are whole numbers, in JSON as numbers or
 * strings; a reader given {@link ClassLabels} reads their names instead, matched exactly,
 * in JSON as strings.
 * <p>
 * A text may have at most 1 MiB of UTF-8, more than the API has use for, unless a reader
 * is given another size; a line of JSON Lines or a record of CSV may have four times as
 * much. A longer one is refused at its line, read no further than that bound, so that no
 * file makes memory grow with it.
 *
 * @since 0.1.0
 */
public final class TrainingData {

	private TrainingData() {
	}

	/**
	 * Read a classifier's examples from a CSV file, with texts of up to 1 MiB.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the texts
	 * @param labelColumn the column of the labels
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierCsv(Path file, String inputColumn, String labelColumn) {
		return classifierCsv(file, inputColumn, labelColumn, null, DatasetLimits.DEFAULT);
	}

	/**
	 * Read a classifier's examples from a CSV file, with texts of up to a chosen size.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the texts
	 * @param labelColumn the column of the labels
	 * @param maxTextSize the most a value may have, in bytes of UTF-8, from 1 byte to 256
	 * MiB; a record may have four times as much
	 * @return the examples, read lazily
	 * @since 0.1.0
	 */
	public static Flux<ClassifierExample> classifierCsv(Path file, String inputColumn, String labelColumn,
			DataSize maxTextSize) {
		return classifierCsv(file, inputColumn, labelColumn, null, DatasetLimits.of(maxTextSize));
	}

	/**
	 * Read a classifier's examples from a CSV file whose labels are names, with texts of
	 * up to 1 MiB.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the texts
	 * @param labelColumn the column of the labels' names
	 * @param labels the names of the classes; another name in the file is an
	 * {@link InvalidDatasetException}
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierCsv(Path file, String inputColumn, String labelColumn,
			ClassLabels labels) {
		return classifierCsv(file, inputColumn, labelColumn, ArgumentChecks.requireNonNull("labels", labels),
				DatasetLimits.DEFAULT);
	}

	/**
	 * Read a classifier's examples from a CSV file whose labels are names, with texts of
	 * up to a chosen size.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the texts
	 * @param labelColumn the column of the labels' names
	 * @param labels the names of the classes; another name in the file is an
	 * {@link InvalidDatasetException}
	 * @param maxTextSize the most a value may have, in bytes of UTF-8, from 1 byte to 256
	 * MiB; a record may have four times as much
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierCsv(Path file, String inputColumn, String labelColumn,
			ClassLabels labels, DataSize maxTextSize) {
		return classifierCsv(file, inputColumn, labelColumn, ArgumentChecks.requireNonNull("labels", labels),
				DatasetLimits.of(maxTextSize));
	}

	/**
	 * Read a generator's examples from a CSV file, with texts of up to 1 MiB.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the prompts
	 * @param outputColumn the column of the texts to generate
	 * @return the examples, read lazily
	 */
	public static Flux<GeneratorExample> generatorCsv(Path file, String inputColumn, String outputColumn) {
		return generatorCsv(file, inputColumn, outputColumn, DatasetLimits.DEFAULT);
	}

	/**
	 * Read a generator's examples from a CSV file, with texts of up to a chosen size.
	 * @param file the file, with a header row
	 * @param inputColumn the column of the prompts
	 * @param outputColumn the column of the texts to generate
	 * @param maxTextSize the most a value may have, in bytes of UTF-8, from 1 byte to 256
	 * MiB; a record may have four times as much
	 * @return the examples, read lazily
	 * @since 0.1.0
	 */
	public static Flux<GeneratorExample> generatorCsv(Path file, String inputColumn, String outputColumn,
			DataSize maxTextSize) {
		return generatorCsv(file, inputColumn, outputColumn, DatasetLimits.of(maxTextSize));
	}

	/**
	 * Read a classifier's examples from a JSON Lines file, with texts of up to 1 MiB.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the texts
	 * @param labelField the field of the labels
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierJsonLines(Path file, String inputField, String labelField) {
		return classifierJsonLines(file, inputField, labelField, null, DatasetLimits.DEFAULT);
	}

	/**
	 * Read a classifier's examples from a JSON Lines file, with texts of up to a chosen
	 * size.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the texts
	 * @param labelField the field of the labels
	 * @param maxTextSize the most a text may have, in bytes of UTF-8, from 1 byte to 256
	 * MiB; a line may have four times as much
	 * @return the examples, read lazily
	 * @since 0.1.0
	 */
	public static Flux<ClassifierExample> classifierJsonLines(Path file, String inputField, String labelField,
			DataSize maxTextSize) {
		return classifierJsonLines(file, inputField, labelField, null, DatasetLimits.of(maxTextSize));
	}

	/**
	 * Read a classifier's examples from a JSON Lines file whose labels are names, as
	 * strings, with texts of up to 1 MiB.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the texts
	 * @param labelField the field of the labels' names
	 * @param labels the names of the classes; another name or a number in the file is an
	 * {@link InvalidDatasetException}
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierJsonLines(Path file, String inputField, String labelField,
			ClassLabels labels) {
		return classifierJsonLines(file, inputField, labelField, ArgumentChecks.requireNonNull("labels", labels),
				DatasetLimits.DEFAULT);
	}

	/**
	 * Read a classifier's examples from a JSON Lines file whose labels are names, as
	 * strings, with texts of up to a chosen size.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the texts
	 * @param labelField the field of the labels' names
	 * @param labels the names of the classes; another name or a number in the file is an
	 * {@link InvalidDatasetException}
	 * @param maxTextSize the most a text may have, in bytes of UTF-8, from 1 byte to 256
	 * MiB; a line may have four times as much
	 * @return the examples, read lazily
	 */
	public static Flux<ClassifierExample> classifierJsonLines(Path file, String inputField, String labelField,
			ClassLabels labels, DataSize maxTextSize) {
		return classifierJsonLines(file, inputField, labelField, ArgumentChecks.requireNonNull("labels", labels),
				DatasetLimits.of(maxTextSize));
	}

	/**
	 * Read a generator's examples from a JSON Lines file, with texts of up to 1 MiB.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the prompts
	 * @param outputField the field of the texts to generate
	 * @return the examples, read lazily
	 */
	public static Flux<GeneratorExample> generatorJsonLines(Path file, String inputField, String outputField) {
		return generatorJsonLines(file, inputField, outputField, DatasetLimits.DEFAULT);
	}

	/**
	 * Read a generator's examples from a JSON Lines file, with texts of up to a chosen
	 * size.
	 * @param file the file, one JSON object per line
	 * @param inputField the field of the prompts
	 * @param outputField the field of the texts to generate
	 * @param maxTextSize the most a text may have, in bytes of UTF-8, from 1 byte to 256
	 * MiB; a line may have four times as much
	 * @return the examples, read lazily
	 * @since 0.1.0
	 */
	public static Flux<GeneratorExample> generatorJsonLines(Path file, String inputField, String outputField,
			DataSize maxTextSize) {
		return generatorJsonLines(file, inputField, outputField, DatasetLimits.of(maxTextSize));
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

	/**
	 * Return examples as an {@link Iterable}, for {@link BlockingTuneTheModelOperations}:
	 * it reads a file of this class as the reactive client does, without a thread waiting
	 * for it. Iterated directly, each iteration reads the examples anew and must be run
	 * to its end, so that the file is closed. <pre class="code">
	 * tuneTheModel.train(request, TrainingData.iterable(split.training()),
	 *         TrainingData.iterable(split.validation()));
	 * </pre>
	 * @param <T> the type of the examples
	 * @param examples the examples, such as a file read by this class or a part of a
	 * split
	 * @return the examples as an {@link Iterable}
	 */
	public static <T extends TrainingExample> Iterable<T> iterable(Flux<T> examples) {
		return new FileExamples<>(ArgumentChecks.requireNonNull("examples", examples));
	}

	private static Flux<ClassifierExample> classifierCsv(Path file, String inputColumn, String labelColumn,
			@Nullable ClassLabels labels, DatasetLimits limits) {
		return read(file, () -> DatasetRows.csv(file, limits, inputColumn, labelColumn),
				(row) -> new ClassifierExample(row.text(inputColumn), row.label(labelColumn, labels)));
	}

	private static Flux<GeneratorExample> generatorCsv(Path file, String inputColumn, String outputColumn,
			DatasetLimits limits) {
		return read(file, () -> DatasetRows.csv(file, limits, inputColumn, outputColumn),
				(row) -> new GeneratorExample(row.text(inputColumn), row.text(outputColumn)));
	}

	private static Flux<ClassifierExample> classifierJsonLines(Path file, String inputField, String labelField,
			@Nullable ClassLabels labels, DatasetLimits limits) {
		return read(file, () -> DatasetRows.jsonLines(file, limits),
				(row) -> new ClassifierExample(row.text(inputField), row.label(labelField, labels)));
	}

	private static Flux<GeneratorExample> generatorJsonLines(Path file, String inputField, String outputField,
			DatasetLimits limits) {
		return read(file, () -> DatasetRows.jsonLines(file, limits),
				(row) -> new GeneratorExample(row.text(inputField), row.text(outputField)));
	}

	private static <T> Flux<T> part(Flux<T> examples, double validationFraction, long seed, boolean validation) {
		return examples.count().flatMapMany((count) -> {
			Selection selection = new Selection(count, Math.round(count * validationFraction), seed);
			return examples.filter((example) -> selection.next() == validation);
		});
	}

	private static <R extends DatasetRows, T> Flux<T> read(Path file, RowsOpener<R> opener, RowMapper<T> mapper) {
		String source = file.toString();
		return Flux.<T, R>generate(() -> open(opener, source), (rows, sink) -> {
			emitNext(rows, mapper, source, sink);
			return rows;
		}, DatasetRows::closeQuietly).subscribeOn(Schedulers.boundedElastic());
	}

	private static <R extends DatasetRows> R open(RowsOpener<R> opener, String source) {
		try {
			return opener.open();
		}
		catch (IOException ex) {
			throw new TuneTheModelException("Could not read " + source + ": " + ex.getMessage(), ex);
		}
	}

	private static <T> void emitNext(DatasetRows rows, RowMapper<T> mapper, String source, SynchronousSink<T> sink) {
		DatasetRows.Row row = rows.next();
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
	 * Examples that {@link BlockingTuneTheModelTemplate} reads as their {@link Flux}.
	 *
	 * @param <T> the type of the examples
	 * @param examples the examples
	 */
	record FileExamples<T>(Flux<T> examples) implements Iterable<T> {

		@Override
		public Iterator<T> iterator() {
			return this.examples.toIterable().iterator();
		}

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
	private interface RowsOpener<R extends DatasetRows> {

		R open() throws IOException;

	}

	@FunctionalInterface
	private interface RowMapper<T> {

		T map(DatasetRows.Row row);

	}

}

package dev.tunethemodel.client.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.TrainingExample;

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
	 * Read examples from a CSV file, with a header row that names the columns.
	 * <pre class="code">
	 * TrainingData.csv(path).text("review").label("sentiment", labels).classifier();
	 * </pre>
	 * @param file the file
	 * @return the spec of what to read, to be completed with the columns
	 */
	public static FileSpec csv(Path file) {
		return new FileSpec(notNull(file, "The file must not be null"), FileFormat.CSV, null, null, null, null,
				DatasetLimits.DEFAULT);
	}

	/**
	 * Read examples from a JSON Lines file, one JSON object per line. <pre class="code">
	 * TrainingData.jsonLines(path).text("prompt").output("completion").generator();
	 * </pre>
	 * @param file the file
	 * @return the spec of what to read, to be completed with the fields
	 */
	public static FileSpec jsonLines(Path file) {
		return new FileSpec(notNull(file, "The file must not be null"), FileFormat.JSON_LINES, null, null, null, null,
				DatasetLimits.DEFAULT);
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
		return new FileExamples<>(notNull(examples, "The examples must not be null"));
	}

	private static <T> Flux<T> part(Flux<T> examples, double validationFraction, long seed, boolean validation) {
		return examples.count().flatMapMany((count) -> {
			Selection selection = new Selection(count, Math.round(count * validationFraction), seed);
			return examples.filter((example) -> selection.next() == validation);
		});
	}

	private static <T> T notNull(@Nullable T value, String message) {
		Assert.notNull(value, message);
		return value;
	}

	/**
	 * What to read from a file: the columns (fields, in JSON Lines) of the texts and of
	 * the labels or the outputs, and the maximum size of a text. Each method returns a
	 * new spec, so that a spec may be shared; {@link #classifier()} and
	 * {@link #generator()} read the file, anew for each subscriber.
	 */
	public static final class FileSpec {

		private final Path file;

		private final FileFormat format;

		private final @Nullable String text;

		private final @Nullable String label;

		private final @Nullable ClassLabels labels;

		private final @Nullable String output;

		private final DatasetLimits limits;

		private FileSpec(Path file, FileFormat format, @Nullable String text, @Nullable String label,
				@Nullable ClassLabels labels, @Nullable String output, DatasetLimits limits) {
			this.file = file;
			this.format = format;
			this.text = text;
			this.label = label;
			this.labels = labels;
			this.output = output;
			this.limits = limits;
		}

		/**
		 * Read the texts, the inputs of the model, from a column.
		 * @param column the column, or the field of JSON Lines
		 * @return a spec that reads the texts from it
		 */
		public FileSpec text(String column) {
			Assert.hasText(column, "The column of the texts must not be empty");
			return new FileSpec(this.file, this.format, column, this.label, this.labels, this.output, this.limits);
		}

		/**
		 * Read a classifier's labels, whole numbers from 0, from a column; in JSON as
		 * numbers or strings.
		 * @param column the column, or the field of JSON Lines
		 * @return a spec that reads the labels from it
		 */
		public FileSpec label(String column) {
			Assert.hasText(column, "The column of the labels must not be empty");
			return new FileSpec(this.file, this.format, this.text, column, null, this.output, this.limits);
		}

		/**
		 * Read a classifier's labels by their names from a column: each name, matched
		 * exactly, is its index in {@code labels}; another name is an
		 * {@link InvalidDatasetException}.
		 * @param column the column, or the field of JSON Lines
		 * @param labels the names of the classes
		 * @return a spec that reads the labels' names from it
		 */
		public FileSpec label(String column, ClassLabels labels) {
			Assert.hasText(column, "The column of the labels must not be empty");
			Assert.notNull(labels, "The labels must not be null");
			return new FileSpec(this.file, this.format, this.text, column, labels, this.output, this.limits);
		}

		/**
		 * Read a generator's outputs, the texts to generate, from a column.
		 * @param column the column, or the field of JSON Lines
		 * @return a spec that reads the outputs from it
		 */
		public FileSpec output(String column) {
			Assert.hasText(column, "The column of the outputs must not be empty");
			return new FileSpec(this.file, this.format, this.text, this.label, this.labels, column, this.limits);
		}

		/**
		 * Accept texts of up to the given size instead of 1 MiB; a line of JSON Lines or
		 * a record of CSV may have four times as much.
		 * @param maxTextSize the maximum size of a text in UTF-8, from 1 byte to 256 MiB
		 * @return a spec with that maximum
		 */
		public FileSpec maxTextSize(DataSize maxTextSize) {
			return new FileSpec(this.file, this.format, this.text, this.label, this.labels, this.output,
					DatasetLimits.of(maxTextSize));
		}

		/**
		 * Return a classifier's examples, read lazily from the columns of
		 * {@link #text(String)} and {@link #label(String)}.
		 * @return the examples
		 * @throws IllegalStateException if either column is not named, or an output
		 * column is
		 */
		public Flux<ClassifierExample> classifier() {
			String text = required(this.text, "texts", "text");
			String label = required(this.label, "labels", "label");
			if (this.output != null) {
				throw new IllegalStateException("A classifier's examples have no output: read the column \""
						+ this.output + "\" with generator(), or leave out output(...)");
			}
			ClassLabels labels = this.labels;
			return read(text, label, (row) -> new ClassifierExample(row.text(text), row.label(label, labels)));
		}

		/**
		 * Return a generator's examples, read lazily from the columns of
		 * {@link #text(String)} and {@link #output(String)}.
		 * @return the examples
		 * @throws IllegalStateException if either column is not named, or a label column
		 * is
		 */
		public Flux<GeneratorExample> generator() {
			String text = required(this.text, "texts", "text");
			String output = required(this.output, "outputs", "output");
			if (this.label != null) {
				throw new IllegalStateException("A generator's examples have no label: read the column \"" + this.label
						+ "\" with classifier(), or leave out label(...)");
			}
			return read(text, output, (row) -> new GeneratorExample(row.text(text), row.text(output)));
		}

		private String required(@Nullable String column, String what, String method) {
			if (column == null) {
				throw new IllegalStateException(
						"Name the column of the " + what + " of " + this.file + " with " + method + "(...)");
			}
			return column;
		}

		private <T> Flux<T> read(String first, String second, Function<DatasetRows.Row, T> mapper) {
			String source = this.file.toString();
			return Flux.<T, DatasetRows>generate(() -> open(first, second), (rows, sink) -> {
				emitNext(rows, mapper, source, sink);
				return rows;
			}, DatasetRows::closeQuietly).subscribeOn(Schedulers.boundedElastic());
		}

		private DatasetRows open(String first, String second) {
			try {
				return (this.format == FileFormat.CSV) ? DatasetRows.csv(this.file, this.limits, first, second)
						: DatasetRows.jsonLines(this.file, this.limits);
			}
			catch (IOException ex) {
				throw new TuneTheModelException("Could not read " + this.file + ": " + ex.getMessage(), ex);
			}
		}

		private static <T> void emitNext(DatasetRows rows, Function<DatasetRows.Row, T> mapper, String source,
				SynchronousSink<T> sink) {
			DatasetRows.Row row = rows.next();
			if (row == null) {
				sink.complete();
				return;
			}
			T example = mapper.apply(row);
			ExamplePositions.record(sink.contextView(), example, source, row.line());
			sink.next(example);
		}

	}

	private enum FileFormat {

		CSV, JSON_LINES

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
	 * Examples that the blocking client reads as the {@link Publisher} they are.
	 *
	 * @param <T> the type of the examples
	 * @param examples the examples
	 */
	record FileExamples<T>(Flux<T> examples) implements Iterable<T>, Publisher<T> {

		@Override
		public void subscribe(Subscriber<? super T> subscriber) {
			this.examples.subscribe(subscriber);
		}

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

}

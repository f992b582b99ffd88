package dev.tunethemodel.client.dataset;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Where the latest examples of a dataset came from: {@link TrainingData} readers record
 * the line of each example they emit, found through the subscriber's context, so that a
 * rule broken downstream can name the line. Only the latest examples are kept, by
 * identity, so memory stays flat; an example no longer kept is named by its number only.
 *
 * @since 0.1.0
 */
public final class ExamplePositions {

	// more than any prefetch from a reader to the upload, even split 1 in 30
	private static final int CAPACITY = 8192;

	private final Object[] examples = new Object[CAPACITY];

	private final String[] sources = new String[CAPACITY];

	private final long[] lines = new long[CAPACITY];

	private int next;

	/**
	 * Record the line of an example, when the subscriber keeps positions.
	 * @param context the subscriber's context
	 * @param example the example
	 * @param source the file it was read from
	 * @param line its line in the file
	 */
	public static void record(ContextView context, Object example, String source, long line) {
		Optional<ExamplePositions> positions = context.getOrEmpty(ExamplePositions.class);
		positions.ifPresent((kept) -> kept.record(example, source, line));
	}

	public synchronized void record(Object example, String source, long line) {
		this.examples[this.next] = example;
		this.sources[this.next] = source;
		this.lines[this.next] = line;
		this.next = (this.next + 1) % CAPACITY;
	}

	public synchronized @Nullable Position find(Object example) {
		for (int i = 0; i < CAPACITY; i++) {
			if (this.examples[i] == example) {
				return new Position(this.sources[i], this.lines[i]);
			}
		}
		return null;
	}

	/**
	 * A line in a file.
	 *
	 * @param source the file
	 * @param line the number of the line, from 1
	 */
	public record Position(String source, long line) {

	}

}

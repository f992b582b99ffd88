package dev.tunethemodel.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.tunethemodel.client.error.TuneTheModelInputFailedException;

/**
 * What both writers do: score the items of a chunk with one bulk call, waiting on the
 * calling thread, and hand the delegate each item with its result, in the chunk's order.
 * An input that fails for good does not stop the others: a new call goes on from the next
 * one, and the write then throws the first failure, named by its position in the chunk.
 * The results of the chunk's items are kept until a write of other items, so that a
 * fault-tolerant step's scan, which writes them again one at a time, pays for none twice
 * and calls again only for those that failed.
 *
 * @param <T> the type of the items
 * @param <I> the type of the inputs of the bulk call
 * @param <R> the type of its results
 * @param <W> the type of what the delegate writes
 */
final class BulkChunkWriter<T, I, R, W> implements ItemWriter<T> {

	private final BulkCall<I, R> call;

	private final Function<? super T, I> input;

	private final BiFunction<T, R, W> record;

	private final ItemWriter<? super W> delegate;

	private volatile @Nullable ChunkResults<T, R> lastChunk;

	BulkChunkWriter(BulkCall<I, R> call, Function<? super T, I> input, BiFunction<T, R, W> record,
			ItemWriter<? super W> delegate) {
		this.call = call;
		this.input = input;
		this.record = record;
		this.delegate = delegate;
	}

	@Override
	public void write(Chunk<? extends T> chunk) throws Exception {
		List<? extends T> items = chunk.getItems();
		ChunkResults<T, R> results = resultsFor(items);
		List<Integer> unanswered = new ArrayList<>();
		for (int position = 0; position < items.size(); position++) {
			if (results.get(items.get(position)) == null) {
				unanswered.add(position);
			}
		}
		score(items, unanswered, results);
		List<W> records = new ArrayList<>(items.size());
		for (T item : items) {
			// every item has its result once no input failed
			records.add(this.record.apply(item, Objects.requireNonNull(results.get(item))));
		}
		this.delegate.write(new Chunk<>(records));
	}

	// the last chunk's results answer a write of its items again, and no other write
	private ChunkResults<T, R> resultsFor(List<? extends T> items) {
		ChunkResults<T, R> last = this.lastChunk;
		if (last != null && last.holdsAll(items)) {
			return last;
		}
		ChunkResults<T, R> results = new ChunkResults<>(items);
		this.lastChunk = results;
		return results;
	}

	private void score(List<? extends T> items, List<Integer> positions, ChunkResults<T, R> results) {
		List<I> inputs = new ArrayList<>(positions.size());
		for (int position : positions) {
			inputs.add(this.input.apply(items.get(position)));
		}
		TuneTheModelInputFailedException firstFailure = null;
		int from = 0;
		while (from < inputs.size()) {
			List<R> answered = new ArrayList<>();
			TuneTheModelInputFailedException failure = null;
			try {
				this.call.call(inputs.subList(from, inputs.size()), answered::add);
			}
			catch (TuneTheModelInputFailedException ex) {
				failure = ex;
			}
			for (int i = 0; i < answered.size(); i++) {
				results.put(items.get(positions.get(from + i)), answered.get(i));
			}
			if (failure == null) {
				break;
			}
			int failed = from + (int) failure.position();
			if (firstFailure == null) {
				Throwable cause = failure.getCause();
				firstFailure = new TuneTheModelInputFailedException(positions.get(failed),
						(cause != null) ? cause : failure);
			}
			from = failed + 1;
		}
		if (firstFailure != null) {
			throw firstFailure;
		}
	}

	/**
	 * A bulk call that waits for its results.
	 *
	 * @param <I> the type of its inputs
	 * @param <R> the type of its results
	 */
	@FunctionalInterface
	interface BulkCall<I, R> {

		/**
		 * Call for each input and hand over the results in input order, on the calling
		 * thread.
		 * @param inputs the inputs
		 * @param results what takes each result
		 * @throws TuneTheModelInputFailedException after the results of every input
		 * before one that failed for good
		 */
		void call(List<I> inputs, Consumer<? super R> results);

	}

}

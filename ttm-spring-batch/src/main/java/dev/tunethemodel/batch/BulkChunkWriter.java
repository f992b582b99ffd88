package dev.tunethemodel.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemWriter;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;

/**
 * What both writers do: score the items of a chunk with the client's bulk engine, waiting
 * on the calling thread, and hand the delegate each item with its result, in the chunk's
 * order. Each input is a bulk call of its own, all of them at once: they share the
 * adaptive concurrency of the account and model as one bulk call's inputs do, and an
 * input that fails for good ends its own call only, so no other input is called again.
 * The write then throws the first failure, named by its position in the chunk. The
 * results of the chunk's items are kept until a write of other items, so that a
 * fault-tolerant step's scan, which writes them again one at a time, pays for none twice
 * and calls again only for those that failed.
 *
 * @param <T> the type of the items
 * @param <I> the type of the inputs of the bulk call
 * @param <R> the type of its results
 * @param <W> the type of what the delegate writes
 */
final class BulkChunkWriter<T, I, R, W> implements ItemStreamWriter<T> {

	// more than the attempts the engine has in flight, so that the calls never wait on
	// this
	private static final int CALLS_AT_ONCE = 128;

	private final Function<Flux<I>, Flux<R>> bulkCall;

	private final Function<? super T, I> input;

	private final BiFunction<T, R, W> record;

	private final ItemWriter<? super W> delegate;

	private final ThreadLocal<ChunkResults<T, R>> lastChunk = new ThreadLocal<>();

	BulkChunkWriter(Function<Flux<I>, Flux<R>> bulkCall, Function<? super T, I> input, BiFunction<T, R, W> record,
			ItemWriter<? super W> delegate) {
		this.bulkCall = bulkCall;
		this.input = input;
		this.record = record;
		this.delegate = delegate;
	}

	@Override
	public void write(Chunk<? extends T> chunk) throws Exception {
		List<? extends T> items = chunk.getItems();
		ChunkResults<T, R> results = resultsFor(items);
		List<Scored<I, R>> scored = new ArrayList<>();
		for (int position = 0; position < items.size(); position++) {
			T item = items.get(position);
			if (results.get(item) == null) {
				scored.add(new Scored<>(position, this.input.apply(item)));
			}
		}
		TuneTheModelInputFailedException failure = score(scored, items, results);
		if (failure != null) {
			throw failure;
		}
		List<W> records = new ArrayList<>(items.size());
		for (T item : items) {
			// every item has its result once no input failed
			records.add(this.record.apply(item, Objects.requireNonNull(results.get(item))));
		}
		this.delegate.write(new Chunk<>(records));
	}

	// the last chunk's results answer a write of its items again, and no other write
	private ChunkResults<T, R> resultsFor(List<? extends T> items) {
		ChunkResults<T, R> last = this.lastChunk.get();
		if (last != null && last.holdsAll(items)) {
			return last;
		}
		ChunkResults<T, R> results = new ChunkResults<>(items);
		this.lastChunk.set(results);
		return results;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		if (this.delegate instanceof ItemStream stream) {
			stream.open(executionContext);
		}
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.delegate instanceof ItemStream stream) {
			stream.update(executionContext);
		}
	}

	@Override
	public void close() {
		this.lastChunk.remove();
		if (this.delegate instanceof ItemStream stream) {
			stream.close();
		}
	}

	private @Nullable TuneTheModelInputFailedException score(List<Scored<I, R>> scored, List<? extends T> items,
			ChunkResults<T, R> results) {
		if (scored.isEmpty()) {
			return null;
		}
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("An item writer waits for the Tune the Model API, which the non-blocking "
					+ "thread '" + Thread.currentThread().getName() + "' must not do");
		}
		Flux<Scored<I, R>> calls = Flux.fromIterable(scored).flatMapSequential(this::call, CALLS_AT_ONCE);
		TuneTheModelInputFailedException firstFailure = null;
		// closing the stream cancels the calls, also when the thread is interrupted
		try (Stream<Scored<I, R>> outcomes = calls.toStream()) {
			Iterator<Scored<I, R>> iterator = outcomes.iterator();
			while (iterator.hasNext()) {
				Scored<I, R> outcome = iterator.next();
				if (outcome.result != null) {
					results.put(items.get(outcome.position), outcome.result);
				}
				else if (firstFailure == null) {
					firstFailure = outcome.failure;
				}
			}
		}
		catch (RuntimeException ex) {
			if (Exceptions.unwrap(ex) instanceof InterruptedException interruption) {
				Thread.currentThread().interrupt();
				throw new TuneTheModelException("Interrupted while waiting for the Tune the Model API", interruption);
			}
			throw ex;
		}
		return firstFailure;
	}

	private Mono<Scored<I, R>> call(Scored<I, R> unscored) {
		return this.bulkCall.apply(Flux.just(unscored.input))
			.single()
			.map(unscored::answered)
			.onErrorResume(TuneTheModelInputFailedException.class, (ex) -> Mono.just(unscored.failed(ex)));
	}

	/**
	 * The input of an item at a position of the chunk, and its outcome once called.
	 *
	 * @param <I> the type of the input
	 * @param <R> the type of the result
	 */
	private static final class Scored<I, R> {

		private final int position;

		private final I input;

		private final @Nullable R result;

		private final @Nullable TuneTheModelInputFailedException failure;

		Scored(int position, I input) {
			this(position, input, null, null);
		}

		private Scored(int position, I input, @Nullable R result, @Nullable TuneTheModelInputFailedException failure) {
			this.position = position;
			this.input = input;
			this.result = result;
			this.failure = failure;
		}

		Scored<I, R> answered(R result) {
			return new Scored<>(this.position, this.input, result, null);
		}

		Scored<I, R> failed(TuneTheModelInputFailedException ex) {
			Throwable cause = ex.getCause();
			return new Scored<>(this.position, this.input, null,
					new TuneTheModelInputFailedException(this.position, (cause != null) ? cause : ex));
		}

	}

}

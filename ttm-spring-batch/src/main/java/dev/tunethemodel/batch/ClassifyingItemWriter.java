package dev.tunethemodel.batch;

import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.util.Assert;

import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.model.Classification;

/**
 * An {@link ItemWriter} that classifies the text of each item of a chunk and hands its
 * delegate a chunk of {@link Classified} records, in the chunk's order:
 * <pre class="code">
 * new ClassifyingItemWriter&lt;&gt;(operations, "my-classifier", Review::text, reviewScoreWriter)
 * </pre> Each item's text is classified with
 * {@link TuneTheModelOperations#classifyAll(String, reactor.core.publisher.Flux)
 * classifyAll}, a call of its own, all of the chunk's at once: their concurrency adapts
 * to the API and is shared by the calls of one account and model, and rate limits are
 * waited out. {@link #write(Chunk)} waits for the results on the calling thread, so the
 * delegate writes inside the chunk's transaction; it refuses to run on a thread that must
 * not block, as {@link BlockingTuneTheModelTemplate} does. Interrupting the thread
 * cancels the calls: none starts after that, and the write throws with the thread's
 * interrupt flag kept.
 * <p>
 * An input that fails for good ends its own call only: the write classifies the others
 * and then throws the first {@link TuneTheModelInputFailedException}, whose position is
 * the item's in the chunk. The results of the chunk's items are kept, by item identity,
 * until a write of other items, so that a fault-tolerant step with
 * {@code .skip(TuneTheModelInputFailedException.class)}, which writes the chunk's items
 * again one at a time, skips that item only, and pays for no other item twice. They are
 * kept per thread, so one writer serves the threads of a partitioned or multi-threaded
 * step, and dropped when the step closes the writer.
 * <p>
 * A delegate that is an {@link ItemStream}, such as a {@code FlatFileItemWriter}, is
 * opened, updated and closed with this writer, which a step registers as a stream of its
 * own.
 *
 * @param <T> the type of the items
 * @since 0.1.0
 */
public class ClassifyingItemWriter<T> implements ItemStreamWriter<T> {

	private final BulkChunkWriter<T, String, Classification, Classified<T>> writer;

	/**
	 * Create a writer that classifies each item's text with a classifier.
	 * @param operations the client
	 * @param modelId the classifier's id
	 * @param text the text of an item, which the classifier classifies
	 * @param delegate what writes the items with their classifications
	 */
	public ClassifyingItemWriter(TuneTheModelOperations operations, String modelId, Function<? super T, String> text,
			ItemWriter<? super Classified<T>> delegate) {
		Assert.notNull(operations, "The operations must not be null");
		Assert.hasText(modelId, "The model id must not be null or blank");
		Assert.notNull(text, "The text function must not be null");
		Assert.notNull(delegate, "The delegate writer must not be null");
		this.writer = new BulkChunkWriter<>((inputs) -> operations.classifyAll(modelId, inputs), text, Classified::new,
				delegate);
	}

	/**
	 * Classify the chunk's items and hand the delegate each with its classification.
	 * @param chunk the items
	 * @throws TuneTheModelInputFailedException when an item's input failed for good,
	 * after the others were classified
	 * @throws Exception what the delegate throws
	 */
	@Override
	public void write(Chunk<? extends T> chunk) throws Exception {
		this.writer.write(chunk);
	}

	/**
	 * Open the delegate, when it is an {@link ItemStream}: a step registers this writer
	 * as a stream, and with it the delegate.
	 * @param executionContext the step's context
	 */
	@Override
	public void open(ExecutionContext executionContext) {
		this.writer.open(executionContext);
	}

	/**
	 * Update the delegate's state, when it is an {@link ItemStream}.
	 * @param executionContext the step's context
	 */
	@Override
	public void update(ExecutionContext executionContext) {
		this.writer.update(executionContext);
	}

	/**
	 * Drop the results this thread kept of its last chunk, and close the delegate when it
	 * is an {@link ItemStream}.
	 */
	@Override
	public void close() {
		this.writer.close();
	}

}

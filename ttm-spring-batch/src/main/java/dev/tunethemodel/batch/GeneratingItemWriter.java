package dev.tunethemodel.batch;

import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.util.Assert;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;

/**
 * An {@link ItemWriter} that generates texts for each item of a chunk and hands its
 * delegate a chunk of {@link Generated} records, in the chunk's order: <pre class="code">
 * new GeneratingItemWriter&lt;&gt;(operations, "my-generator", (product) -&gt; GenerateRequest.of(product.title()), descriptionWriter)
 * </pre> It works as {@link ClassifyingItemWriter} does, with
 * {@link TuneTheModelOperations#generateAll(String, reactor.core.publisher.Flux)
 * generateAll}: it waits on the calling thread, so the delegate writes inside the chunk's
 * transaction; an interrupt cancels the calls; an input that fails for good is thrown
 * after the others were generated, and the results of the chunk's items answer a
 * fault-tolerant step's scan without a second call, per thread; a delegate that is an
 * {@link ItemStream} is opened, updated and closed with this writer.
 *
 * @param <T> the type of the items
 * @since 0.1.0
 */
public class GeneratingItemWriter<T> implements ItemStreamWriter<T> {

	private final BulkChunkWriter<T, GenerateRequest, Generation, Generated<T>> writer;

	/**
	 * Create a writer that generates texts for each item with a generator.
	 * @param operations the client
	 * @param modelId the generator's id
	 * @param request the request of an item: its prefix and the generation parameters
	 * @param delegate what writes the items with their generations
	 */
	public GeneratingItemWriter(TuneTheModelOperations operations, String modelId,
			Function<? super T, GenerateRequest> request, ItemWriter<? super Generated<T>> delegate) {
		Assert.notNull(operations, "The operations must not be null");
		Assert.hasText(modelId, "The model id must not be null or blank");
		Assert.notNull(request, "The request function must not be null");
		Assert.notNull(delegate, "The delegate writer must not be null");
		this.writer = new BulkChunkWriter<>((inputs) -> operations.generateAll(modelId, inputs), request,
				Generated::new, delegate);
	}

	/**
	 * Generate texts for the chunk's items and hand the delegate each with its
	 * generation.
	 * @param chunk the items
	 * @throws TuneTheModelInputFailedException when an item's request failed for good,
	 * after the others were generated
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

package dev.tunethemodel.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * {@link BlockingTuneTheModelOperations} that wait for the calls of
 * {@link TuneTheModelOperations}, such as a {@link TuneTheModelTemplate}, so that both
 * share one connection pool and one set of policies. <pre class="code">
 * BlockingTuneTheModelOperations tuneTheModel = new BlockingTuneTheModelTemplate(template);
 * List&lt;Model&gt; models = tuneTheModel.listModels();
 * </pre> Examples that are not in memory are read on a thread of
 * {@link Schedulers#boundedElastic()}, so that an {@link Iterable} may wait for its
 * source; listeners are told on the calling thread.
 * <p>
 * A single call, such as {@code getModel}, {@code classify} or {@code listModels}, ends
 * by the timeout of the {@link TuneTheModelTemplate}, or of its options for operations
 * {@link #withOptions} returned (operations of another kind, such as a test double, bound
 * their calls themselves), and {@code awaitReady} by the timeout it is given: should the
 * reactive call not end by then, the wait ends a second later, cancels it and throws a
 * {@link TuneTheModelTimeoutException}. The other calls last as long as their examples
 * take to read, and have no deadline of their own: within them, an upload's {@code PUT},
 * each input of a bulk call and each step of a training end within the timeout, the
 * processing of a training's datasets within its own timeout, and watching a model lasts
 * until it is ready. Interrupting the waiting thread cancels any call.
 *
 * @since 0.1.0
 */
public final class BlockingTuneTheModelTemplate implements BlockingTuneTheModelOperations {

	// enough results waiting for the caller that the calls go on while it handles one
	private static final int RESULTS_PREFETCH = 256;

	// the reactive call ends by the same timeout: its own error says more
	private static final Duration MARGIN = Duration.ofSeconds(1);

	private static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);

	private final TuneTheModelOperations operations;

	private final @Nullable Duration callTimeout;

	/**
	 * Create blocking operations that wait for the given ones.
	 * @param operations the reactive operations, which bound each call
	 */
	public BlockingTuneTheModelTemplate(TuneTheModelOperations operations) {
		this(ArgumentChecks.requireNonNull("reactive operations", operations), callTimeout(operations, null));
	}

	/**
	 * Create blocking operations whose single calls wait at most a given time.
	 * @param operations the reactive operations
	 * @param callTimeout the timeout of a single call, {@code null} to wait until it ends
	 */
	BlockingTuneTheModelTemplate(TuneTheModelOperations operations, @Nullable Duration callTimeout) {
		this.operations = operations;
		this.callTimeout = callTimeout;
	}

	@Override
	public BlockingTuneTheModelOperations withOptions(RequestOptions options) {
		TuneTheModelOperations view = this.operations.withOptions(options);
		return new BlockingTuneTheModelTemplate(view, callTimeout(view, this.callTimeout));
	}

	// a template's calls end by its timeout, a view's by the view's
	private static @Nullable Duration callTimeout(TuneTheModelOperations operations, @Nullable Duration otherwise) {
		return (operations instanceof TuneTheModelTemplate template) ? template.settings.timeout() : otherwise;
	}

	@Override
	public List<Model> listModels() {
		return await(this.operations.listModels().collectList(), this.callTimeout);
	}

	@Override
	public List<Model> listPublicModels() {
		return await(this.operations.listPublicModels().collectList(), this.callTimeout);
	}

	@Override
	public Model createModel(CreateModelRequest request) {
		return await(this.operations.createModel(request), this.callTimeout);
	}

	@Override
	public Model getModel(String modelId) {
		return await(this.operations.getModel(modelId), this.callTimeout);
	}

	@Override
	public Model deleteModel(String modelId) {
		return await(this.operations.deleteModel(modelId), this.callTimeout);
	}

	@Override
	public Model bind(String modelId, String trainFileId, String validateFileId) {
		return await(this.operations.bind(modelId, trainFileId, validateFileId), this.callTimeout);
	}

	@Override
	public Model fit(String modelId) {
		return await(this.operations.fit(modelId), this.callTimeout);
	}

	@Override
	public Classification classify(String modelId, String input) {
		return await(this.operations.classify(modelId, input), this.callTimeout);
	}

	@Override
	public Generation generate(String modelId, GenerateRequest request) {
		return await(this.operations.generate(modelId, request), this.callTimeout);
	}

	@Override
	public void classifyAll(String modelId, Iterable<String> inputs, Consumer<? super Classification> results) {
		ArgumentChecks.requireNonNull("result action", results);
		follow(this.operations.classifyAll(modelId, flux("inputs", inputs)), results, RESULTS_PREFETCH);
	}

	@Override
	public void generateAll(String modelId, Iterable<GenerateRequest> requests, Consumer<? super Generation> results) {
		ArgumentChecks.requireNonNull("result action", results);
		follow(this.operations.generateAll(modelId, flux("requests", requests)), results, RESULTS_PREFETCH);
	}

	@Override
	public Evaluation evaluate(String modelId, Iterable<ClassifierExample> examples) {
		return await(this.operations.evaluate(modelId, flux("examples", examples)), null);
	}

	@Override
	public DatasetFile createFile(String name, ModelType taskType) {
		return await(this.operations.createFile(name, taskType), this.callTimeout);
	}

	@Override
	public List<DatasetFile> listFiles() {
		return await(this.operations.listFiles().collectList(), this.callTimeout);
	}

	@Override
	public DatasetFile getFile(String fileId) {
		return await(this.operations.getFile(fileId), this.callTimeout);
	}

	@Override
	public DatasetFile deleteFile(String fileId) {
		return await(this.operations.deleteFile(fileId), this.callTimeout);
	}

	@Override
	public void upload(DatasetFile file, Iterable<? extends TrainingExample> examples) {
		await(this.operations.upload(file, flux("examples", examples)), null);
	}

	@Override
	public Model train(CreateModelRequest model, Iterable<? extends TrainingExample> training,
			Iterable<? extends TrainingExample> validation) {
		return await(this.operations.train(model, flux("training examples", training),
				flux("validation examples", validation)), null);
	}

	@Override
	public Model trainWithProgress(CreateModelRequest model, Iterable<? extends TrainingExample> training,
			Iterable<? extends TrainingExample> validation, Consumer<? super TrainingEvent> progress) {
		ArgumentChecks.requireNonNull("progress listener", progress);
		TrainingEvent last = follow(this.operations.trainWithProgress(model, flux("training examples", training),
				flux("validation examples", validation)), progress, 1);
		if (last instanceof TrainingEvent.Ready ready) {
			return ready.model();
		}
		if (last instanceof TrainingEvent.Evaluated evaluated) {
			return evaluated.model();
		}
		throw new TuneTheModelException("The training ended without its model being ready");
	}

	@Override
	public Model watch(String modelId, Consumer<? super Model> changes) {
		ArgumentChecks.requireNonNull("change listener", changes);
		Model last = follow(this.operations.watch(modelId), changes, 1);
		if (last == null) {
			throw new TuneTheModelException("Watching the model ended without its status");
		}
		return last;
	}

	@Override
	public Model awaitReady(String modelId, Duration timeout) {
		return await(this.operations.awaitReady(modelId, timeout), timeout);
	}

	@Override
	public String toString() {
		return "BlockingTuneTheModelTemplate[" + this.operations + "]";
	}

	private static <T> T await(Mono<T> call, @Nullable Duration timeout) {
		requireBlockingAllowed();
		CompletableFuture<T> result = call.toFuture();
		try {
			if (timeout == null) {
				return result.get();
			}
			Duration bound = timeout.plus(MARGIN);
			return result.get((bound.compareTo(LONGEST_WAIT) < 0) ? bound.toNanos() : Long.MAX_VALUE,
					TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw new TuneTheModelTimeoutException("The call did not end within its timeout of " + timeout
					+ " and a margin of " + MARGIN + ": it was cancelled", null);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw unwrapped((cause != null) ? cause : ex);
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			throw interrupted(ex);
		}
	}

	private static <T> @Nullable T follow(Flux<T> steps, Consumer<? super T> listener, int prefetch) {
		requireBlockingAllowed();
		T last = null;
		// closing the stream cancels the call, also when the listener throws
		try (Stream<T> stream = steps.toStream(prefetch)) {
			Iterator<T> iterator = stream.iterator();
			while (iterator.hasNext()) {
				last = iterator.next();
				listener.accept(last);
			}
		}
		catch (RuntimeException ex) {
			Throwable cause = Exceptions.unwrap(ex);
			throw (cause instanceof InterruptedException interruption) ? interrupted(interruption) : unwrapped(cause);
		}
		return last;
	}

	private static void requireBlockingAllowed() {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(
					"BlockingTuneTheModelOperations waits for the API, which the non-blocking " + "thread '"
							+ Thread.currentThread().getName() + "' must not do: use TuneTheModelOperations there");
		}
	}

	private static RuntimeException unwrapped(Throwable failure) {
		if (failure instanceof RuntimeException runtimeException) {
			return runtimeException;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new TuneTheModelException("The call failed: " + failure, failure);
	}

	private static TuneTheModelException interrupted(InterruptedException ex) {
		Thread.currentThread().interrupt();
		return new TuneTheModelException("Interrupted while waiting for the Tune the Model API", ex);
	}

	@SuppressWarnings("unchecked")
	private static <T> Flux<T> flux(String what, Iterable<T> examples) {
		ArgumentChecks.requireNonNull(what, examples);
		// a Publisher too, such as TrainingData.iterable(...), is read without a waiting
		// thread
		if (examples instanceof Publisher<?> publisher) {
			return Flux.from((Publisher<T>) publisher);
		}
		Flux<T> flux = Flux.fromIterable(examples);
		// an Iterable of the user's may wait for its source; a collection does not
		return (examples instanceof Collection) ? flux : flux.subscribeOn(Schedulers.boundedElastic());
	}

}

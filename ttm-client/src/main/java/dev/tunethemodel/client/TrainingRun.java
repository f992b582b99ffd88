package dev.tunethemodel.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingEvent.Dataset;
import dev.tunethemodel.client.model.TrainingEvent.DatasetsBound;
import dev.tunethemodel.client.model.TrainingEvent.DatasetsProcessed;
import dev.tunethemodel.client.model.TrainingEvent.FitRequested;
import dev.tunethemodel.client.model.TrainingEvent.ModelCreated;
import dev.tunethemodel.client.model.TrainingEvent.UploadProgress;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * One training, from creating the model to requesting fit: what it created is deleted
 * again when a step fails or the caller cancels before fit was requested. A model or a
 * file being created when the cancel comes is awaited, then deleted too.
 */
final class TrainingRun {

	private static final Log logger = LogFactory.getLog(TrainingRun.class);

	static final long PROGRESS_STEP = 10_000;

	private final ModelResource models;

	private final FileResource files;

	private final DatasetUpload uploads;

	private final Deletions deletions;

	private final CreateModelRequest request;

	private final Flux<? extends TrainingExample> training;

	private final Flux<? extends TrainingExample> validation;

	private final PollSchedule schedule;

	private final Duration processingTimeout;

	private volatile @Nullable Model model;

	private volatile @Nullable DatasetFile trainingFile;

	private volatile @Nullable DatasetFile validationFile;

	private volatile boolean fitRequested;

	private volatile @Nullable CompletableFuture<?> creation;

	private final AtomicReference<@Nullable CompletableFuture<Void>> cleanUp = new AtomicReference<>();

	TrainingRun(ModelResource models, FileResource files, DatasetUpload uploads, Deletions deletions,
			CreateModelRequest request, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation, Duration pollInterval, Duration processingTimeout) {
		this.models = models;
		this.files = files;
		this.uploads = uploads;
		this.deletions = deletions;
		this.request = request;
		this.training = training;
		this.validation = validation;
		this.schedule = new PollSchedule(pollInterval);
		this.processingTimeout = processingTimeout;
	}

	/**
	 * Return the steps up to and including the request to fit, each an event.
	 * @return the events, the last a {@link FitRequested}
	 */
	Flux<TrainingEvent> untilFit() {
		ModelType type = this.request.type();
		return create(this.models.create(this.request), (created) -> this.model = created)
			.flatMapMany((createdModel) -> Flux.concat(Mono.just(new ModelCreated(createdModel)),
					create(this.files.create("train", type), (file) -> this.trainingFile = file)
						.zipWhen((createdTraining) -> create(this.files.create("val", type),
								(file) -> this.validationFile = file))
						.flatMapMany((datasets) -> untilFit(createdModel, datasets.getT1(), datasets.getT2()))))
			.onErrorResume((ex) -> startCleanUp(ex).then(Mono.error(ex)))
			.doOnCancel(() -> {
				if (!this.fitRequested) {
					startCleanUp(null);
				}
			});
	}

	// the created model and files are passed in: no step runs without them
	private Flux<TrainingEvent> untilFit(Model model, DatasetFile trainingFile, DatasetFile validationFile) {
		return Flux.<TrainingEvent>concat(upload(Dataset.TRAINING, trainingFile, this.training),
				upload(Dataset.VALIDATION, validationFile, this.validation),
				Mono.zip(awaitProcessed(Dataset.TRAINING, trainingFile),
						awaitProcessed(Dataset.VALIDATION, validationFile))
					.map((files) -> new DatasetsProcessed(files.getT1(), files.getT2())),
				this.models.bind(model.id(), trainingFile.id(), validationFile.id()).map(DatasetsBound::new),
				this.models.fit(model.id()).doOnNext((fitted) -> this.fitRequested = true).map(FitRequested::new));
	}

	private Flux<TrainingEvent> upload(Dataset dataset, DatasetFile file, Flux<? extends TrainingExample> examples) {
		Sinks.Many<TrainingEvent> progress = Sinks.many().unicast().onBackpressureBuffer();
		AtomicLong read = new AtomicLong();
		Flux<? extends TrainingExample> counted = examples.doOnNext((example) -> {
			long count = read.incrementAndGet();
			if (count % PROGRESS_STEP == 0) {
				progress.tryEmitNext(new UploadProgress(dataset, count, false));
			}
		});
		Mono<TrainingEvent> upload = this.uploads.upload(file, counted, this.request.numClasses(), name(dataset))
			.doFinally((signal) -> progress.tryEmitComplete())
			.then(Mono.empty());
		return Flux.merge(progress.asFlux(), upload)
			.concatWith(Mono.fromSupplier(() -> new UploadProgress(dataset, read.get(), true)));
	}

	private Mono<DatasetFile> awaitProcessed(Dataset dataset, DatasetFile file) {
		Mono<DatasetFile> read = Mono.defer(() -> this.files.get(file.id()));
		// a file processed since the last read is not a timeout
		Mono<DatasetFile> readAtDeadline = read.filter(TrainingRun::isProcessed)
			.switchIfEmpty(Mono.error(() -> new TuneTheModelTimeoutException("The API did not process " + name(dataset)
					+ " (file " + file.id() + ") within " + this.processingTimeout, null)));
		return this.schedule.poll(read)
			.filter(TrainingRun::isProcessed)
			.next()
			.timeout(this.processingTimeout, readAtDeadline)
			.flatMap((processed) -> (processed.status() == FileStatus.READY) ? Mono.just(processed)
					: Mono.error(new TuneTheModelException("The API could not process " + name(dataset) + " (file "
							+ processed.id() + "): its status is " + processed.rawStatus())));
	}

	private static boolean isProcessed(DatasetFile file) {
		return file.status() == FileStatus.READY || file.status() == FileStatus.FAILED;
	}

	/**
	 * Start a creation that runs to its response even if the training is cancelled, so
	 * that the clean-up knows what it created.
	 * @param <T> the type of what is created
	 * @param creation the call that creates it
	 * @param created records what was created
	 * @return the response of the creation
	 */
	private <T> Mono<T> create(Mono<T> creation, Consumer<T> created) {
		return Mono.deferContextual((context) -> {
			CompletableFuture<T> result = new CompletableFuture<>();
			this.creation = result;
			// a clean-up that started before this creation was known does not await it
			if (this.cleanUp.get() != null) {
				result.complete(null);
				return Mono.empty();
			}
			// with the caller's context, which holds the training's observation
			creation.doOnNext(created)
				.contextWrite(context)
				.subscribe(result::complete, result::completeExceptionally, () -> result.complete(null));
			return Mono.fromFuture(result, true);
		});
	}

	/**
	 * Start deleting what this training created, once, files first, then the model, after
	 * the creation in progress; the deletions go on when the caller cancels.
	 * @param failure the failure that ends the training, to which a deletion that fails
	 * is added, {@code null} when the caller cancelled
	 * @return completes when the deletions are done
	 */
	private Mono<Void> startCleanUp(@Nullable Throwable failure) {
		CompletableFuture<Void> deleted = new CompletableFuture<>();
		CompletableFuture<Void> started = this.cleanUp.compareAndExchange(null, deleted);
		if (started == null) {
			started = deleted;
			CompletableFuture<?> pending = this.creation;
			Mono<?> created = (pending != null) ? Mono.fromFuture(pending, true).onErrorComplete() : Mono.empty();
			created
				.then(Mono.defer(() -> Flux.concat(delete(this.trainingFile, failure),
						delete(this.validationFile, failure), deleteModel(failure))
					.then()))
				.subscribe(null, deleted::completeExceptionally, () -> deleted.complete(null));
		}
		return Mono.fromFuture(started, true);
	}

	private Mono<Void> delete(@Nullable DatasetFile file, @Nullable Throwable failure) {
		if (file == null) {
			return Mono.empty();
		}
		return bestEffort(this.deletions.file(file.id()), "file " + file.id(), failure);
	}

	private Mono<Void> deleteModel(@Nullable Throwable failure) {
		Model created = this.model;
		if (created == null) {
			return Mono.empty();
		}
		return bestEffort(this.deletions.model(created.id()), "model " + created.id(), failure);
	}

	private Mono<Void> bestEffort(Mono<Void> deletion, String what, @Nullable Throwable failure) {
		return deletion.onErrorResume((ex) -> {
			logger.warn("Could not delete " + what + " after a failed or cancelled training: " + ex.getMessage());
			if (failure != null) {
				failure.addSuppressed(ex);
			}
			return Mono.empty();
		});
	}

	private static String name(Dataset dataset) {
		return (dataset == Dataset.TRAINING) ? "the training dataset" : "the validation dataset";
	}

}

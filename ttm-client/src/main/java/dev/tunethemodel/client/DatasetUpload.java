package dev.tunethemodel.client;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import dev.tunethemodel.client.dataset.ExamplePositions;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingExample;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

/**
 * Uploads a dataset to a file's upload URL: the examples are checked by the dataset's
 * rules and spooled to temporary files as they arrive, off the event loop, then sent with
 * their length; the spool is deleted however the upload ends.
 */
final class DatasetUpload {

	private static final String OPERATION = "upload";

	private static final int BATCH_SIZE = 64;

	// the examples read ahead while a batch is written: reading and writing overlap
	private static final int BATCHES_READ_AHEAD = 4;

	private final Transport transport;

	private final Path temporaryDirectory;

	DatasetUpload(Transport transport, Path temporaryDirectory) {
		this.transport = transport;
		this.temporaryDirectory = temporaryDirectory;
	}

	/**
	 * Upload a dataset, checked by its rules as it is spooled.
	 * @param file the file to fill
	 * @param examples the examples, read once
	 * @param numClasses the number of classes of the classifier it trains, {@code null}
	 * when unknown
	 * @param dataset how messages name the dataset
	 * @return completes when the dataset is stored
	 */
	Mono<Void> upload(DatasetFile file, Flux<? extends TrainingExample> examples, @Nullable Integer numClasses,
			String dataset) {
		return Mono.defer(() -> {
			URI uploadUrl = ArgumentChecks.requireUploadUrl(ArgumentChecks.requireNonNull("file", file));
			ModelType taskType = ArgumentChecks.requireNonNull("task type of the file", file.taskType());
			ArgumentChecks.requireNonNull("examples", examples);
			DatasetRules rules = new DatasetRules(taskType, numClasses, dataset, new ExamplePositions());
			return this.transport.observations()
				.operation(() -> new TuneTheModelObservationContext(OPERATION, null, file.id()),
						(observed) -> spoolAndSend(uploadUrl, examples, rules, observed));
		});
	}

	// the spool exists before its files, so a cancel cannot lose them
	private Mono<Void> spoolAndSend(URI uploadUrl, Flux<? extends TrainingExample> examples, DatasetRules rules,
			@Nullable TuneTheModelObservationContext observed) {
		return Mono.usingWhen(
				Mono.fromSupplier(() -> new DatasetSpool(this.temporaryDirectory, rules, this.transport.jsonMapper())),
				(spool) -> offEventLoop(spool::open).thenMany(examples)
					.buffer(BATCH_SIZE)
					.concatMap((batch) -> offEventLoop(() -> batch.forEach(spool::append)), BATCHES_READ_AHEAD)
					.contextWrite(Context.of(ExamplePositions.class, rules.positions()))
					.then(offEventLoop(spool::finish))
					.then(this.transport.upload(uploadUrl, spool, observed))
					.then(Mono.fromRunnable(() -> {
						if (observed != null) {
							observed.setExamples(spool.count());
							observed.setBytes(spool.contentLength());
						}
					})),
				(spool) -> offEventLoop(spool::delete));
	}

	// a fresh worker each time: publishOn's, disposed by a cancel, rejects a late example
	private static Mono<Void> offEventLoop(Runnable task) {
		return Mono.fromRunnable(task).subscribeOn(Schedulers.boundedElastic()).then();
	}

}

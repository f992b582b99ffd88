package dev.tunethemodel.client;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Trains models in one call: each training is a {@link TrainingRun} up to the request to
 * fit, then, for {@code trainWithProgress}, the model's status until it is ready.
 */
final class Trainer {

	private final ModelResource models;

	private final FileResource files;

	private final DatasetUpload uploads;

	private final ModelWatcher watcher;

	private final Deletions deletions;

	private final Duration datasetPollInterval;

	private final Duration datasetProcessingTimeout;

	Trainer(ModelResource models, FileResource files, DatasetUpload uploads, ModelWatcher watcher, Deletions deletions,
			ClientSettings settings) {
		this.models = models;
		this.files = files;
		this.uploads = uploads;
		this.watcher = watcher;
		this.deletions = deletions;
		this.datasetPollInterval = settings.datasetPollInterval();
		this.datasetProcessingTimeout = settings.datasetProcessingTimeout();
	}

	Mono<Model> train(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return Flux.defer(() -> run(model, training, validation).untilFit())
			.last()
			.map((fitRequested) -> ((TrainingEvent.FitRequested) fitRequested).model());
	}

	Flux<TrainingEvent> trainWithProgress(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return Flux.defer(() -> {
			TrainingRun run = run(model, training, validation);
			return run.untilFit().concatWith(Flux.defer(() -> {
				Model fitted = run.model();
				return this.watcher.watch(fitted.id())
					.skipWhile(
							(polled) -> ModelWatcher.sameStatus(polled, fitted) && polled.status() != ModelStatus.READY)
					.map((polled) -> (polled.status() == ModelStatus.READY) ? new TrainingEvent.Ready(polled)
							: new TrainingEvent.StatusChanged(polled));
			}));
		});
	}

	private TrainingRun run(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return new TrainingRun(this.models, this.files, this.uploads, this.deletions,
				ArgumentChecks.requireValid(model), ArgumentChecks.requireNonNull("training examples", training),
				ArgumentChecks.requireNonNull("validation examples", validation), this.datasetPollInterval,
				this.datasetProcessingTimeout);
	}

}

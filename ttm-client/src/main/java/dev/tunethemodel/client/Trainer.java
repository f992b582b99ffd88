package dev.tunethemodel.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * Trains models in one call: each training is a {@link TrainingRun} up to the request to
 * fit, then, for {@code trainWithProgress}, the model's status until it is ready and, for
 * a classifier, its evaluation on the validation examples, read again.
 */
final class Trainer {

	private final ModelResource models;

	private final FileResource files;

	private final DatasetUpload uploads;

	private final ModelWatcher watcher;

	private final Deletions deletions;

	private final InferenceResource inference;

	private final Observations observations;

	private final Duration datasetPollInterval;

	private final Duration datasetProcessingTimeout;

	Trainer(ModelResource models, FileResource files, DatasetUpload uploads, ModelWatcher watcher, Deletions deletions,
			InferenceResource inference, Observations observations, ClientSettings settings) {
		this.models = models;
		this.files = files;
		this.uploads = uploads;
		this.watcher = watcher;
		this.deletions = deletions;
		this.inference = inference;
		this.observations = observations;
		this.datasetPollInterval = settings.datasetPollInterval();
		this.datasetProcessingTimeout = settings.datasetProcessingTimeout();
	}

	Mono<Model> train(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return Flux.defer(() -> {
			TrainingRun run = run(model, training, validation);
			return this.observations.training(model.type(), run.untilFit(),
					TrainingEvent.FitRequested.class::isInstance);
		}).last().map((fitRequested) -> ((TrainingEvent.FitRequested) fitRequested).model());
	}

	Flux<TrainingEvent> trainWithProgress(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return Flux.defer(() -> {
			TrainingRun run = run(model, training, validation);
			Flux<TrainingEvent> untilReady = run.untilFit()
				.concatMap((event) -> (event instanceof TrainingEvent.FitRequested fitRequested)
						? Flux.concat(Mono.just(event), watchUntilReady(fitRequested.model())) : Mono.just(event));
			// the evaluation is not part of the training: its observation comes after
			return this.observations.training(model.type(), untilReady, TrainingEvent.Ready.class::isInstance)
				.concatMap(
						(event) -> (event instanceof TrainingEvent.Ready ready && model.type() == ModelType.CLASSIFIER)
								? Flux.concat(Mono.just(event), evaluation(ready.model(), validation, model.labels()))
								: Mono.just(event));
		});
	}

	private Flux<TrainingEvent> watchUntilReady(Model fitted) {
		return this.watcher.watch(fitted.id())
			.skipWhile((polled) -> ModelWatcher.sameStatus(polled, fitted) && polled.status() != ModelStatus.READY)
			.map((polled) -> (polled.status() == ModelStatus.READY) ? new TrainingEvent.Ready(polled)
					: new TrainingEvent.StatusChanged(polled));
	}

	private Mono<TrainingEvent> evaluation(Model model, Flux<? extends TrainingExample> validation,
			@Nullable ClassLabels labels) {
		return this.inference.evaluate(model.id(), validation.cast(ClassifierExample.class))
			.map((evaluation) -> (labels != null) ? evaluation.withLabels(labels) : evaluation)
			.<TrainingEvent>map((evaluation) -> new TrainingEvent.Evaluated(model, evaluation))
			.onErrorMap((ex) -> new TuneTheModelException("The model " + model.id()
					+ " is trained and kept, but evaluating it on the validation examples failed: " + ex.getMessage(),
					ex));
	}

	private TrainingRun run(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return new TrainingRun(this.models, this.files, this.uploads, this.deletions,
				ArgumentChecks.requireValid(model), ArgumentChecks.requireNonNull("training examples", training),
				ArgumentChecks.requireNonNull("validation examples", validation), this.datasetPollInterval,
				this.datasetProcessingTimeout);
	}

}

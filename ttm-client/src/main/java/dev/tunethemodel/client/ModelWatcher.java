package dev.tunethemodel.client;

import java.time.Duration;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;

/**
 * Follows a model's status by reading it as the {@link PollSchedule} of the poll interval
 * says: {@code watch} and {@code awaitReady}.
 */
final class ModelWatcher {

	private final ModelResource models;

	private final PollSchedule schedule;

	ModelWatcher(ModelResource models, Duration pollInterval) {
		this.models = models;
		this.schedule = new PollSchedule(pollInterval);
	}

	/**
	 * Emit the model at each change of its status, starting with the current one.
	 * @param modelId the model's id
	 * @return the model at each change; completes after {@link ModelStatus#READY}, fails
	 * with a {@link TuneTheModelTrainingFailedException} on
	 * {@link ModelStatus#FIT_FAILED}
	 */
	Flux<Model> watch(String modelId) {
		return Flux.defer(() -> {
			String id = ArgumentChecks.requireId("model", modelId);
			return this.schedule.poll(Mono.defer(() -> this.models.get(id)))
				.distinctUntilChanged(ModelWatcher::statusKey)
				.<Model>handle((polled, sink) -> {
					if (polled.status() == ModelStatus.FIT_FAILED) {
						sink.error(new TuneTheModelTrainingFailedException(polled));
					}
					else {
						sink.next(polled);
					}
				})
				.takeUntil((polled) -> polled.status() == ModelStatus.READY);
		});
	}

	/**
	 * Wait until a model is ready, reading its status once more at the deadline.
	 * @param modelId the model's id
	 * @param timeout the longest wait
	 * @return the ready model
	 */
	Mono<Model> awaitReady(String modelId, Duration timeout) {
		return Mono.defer(() -> {
			String id = ArgumentChecks.requireId("model", modelId);
			ArgumentChecks.requirePositive("timeout", timeout);
			return watch(id).last().timeout(timeout, Mono.defer(() -> readAtDeadline(id, timeout)));
		});
	}

	// a model that turned ready since the last read is returned, not a timeout
	private Mono<Model> readAtDeadline(String id, Duration timeout) {
		return this.models.get(id).flatMap((model) -> switch (model.status()) {
			case READY -> Mono.just(model);
			case FIT_FAILED -> Mono.error(new TuneTheModelTrainingFailedException(model));
			default -> Mono.error(new TuneTheModelTimeoutException(
					"Model " + id + " was not ready within " + timeout + ": its status is " + model.rawStatus(), null));
		});
	}

	/**
	 * Return whether two readings of a model have the same status.
	 * @param one a reading
	 * @param other another reading
	 * @return whether their statuses are the same, unknown ones told apart by their text
	 */
	static boolean sameStatus(Model one, Model other) {
		return statusKey(one).equals(statusKey(other));
	}

	// unknown statuses are told apart by their text
	private static Object statusKey(Model model) {
		return (model.status() != ModelStatus.UNKNOWN) ? model.status()
				: String.valueOf(model.rawStatus()).strip().toLowerCase(Locale.ROOT);
	}

}

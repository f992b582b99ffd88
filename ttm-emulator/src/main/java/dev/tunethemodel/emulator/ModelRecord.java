package dev.tunethemodel.emulator;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A model of the emulator. Once fit is requested, it is {@code TrainRequested} until its
 * files are processed, then walks {@code TrainRequested}, {@code InQueue} and
 * {@code Training} to {@code Ready} (or {@code FitFailed}) over the training time,
 * computed from the clock when asked; when a file fails, the model fails with it.
 */
final class ModelRecord {

	private final String id;

	private final @Nullable String name;

	private final String type;

	private final @Nullable Integer numClasses;

	private final @Nullable Integer trainIters;

	private final @Nullable String baseModel;

	private final Instant created;

	private @Nullable Instant bound;

	private @Nullable String trainFile;

	private @Nullable String validateFile;

	private @Nullable Instant fitRequested;

	private @Nullable Instant trainingStart;

	private boolean filesFailed;

	private @Nullable Object trained;

	ModelRecord(String id, @Nullable String name, String type, @Nullable Integer numClasses,
			@Nullable Integer trainIters, @Nullable String baseModel, Instant created) {
		this.id = id;
		this.name = name;
		this.type = type;
		this.numClasses = numClasses;
		this.trainIters = trainIters;
		this.baseModel = baseModel;
		this.created = created;
	}

	String id() {
		return this.id;
	}

	@Nullable String name() {
		return this.name;
	}

	String type() {
		return this.type;
	}

	@Nullable Integer numClasses() {
		return this.numClasses;
	}

	@Nullable Integer trainIters() {
		return this.trainIters;
	}

	@Nullable String baseModel() {
		return this.baseModel;
	}

	synchronized void bind(String trainFile, String validateFile, Instant now) {
		if (this.fitRequested != null) {
			throw EmulatorException.badRequest("Model " + this.id + " is already training");
		}
		this.trainFile = trainFile;
		this.validateFile = validateFile;
		this.bound = now;
	}

	synchronized @Nullable String trainFile() {
		return this.trainFile;
	}

	synchronized @Nullable String validateFile() {
		return this.validateFile;
	}

	/**
	 * Request fit.
	 * @param trained what was trained, or {@code null} when the datasets are not usable
	 * for this model, which then fails
	 * @param now when fit was requested
	 * @param start when training starts: once the bound files are processed
	 */
	synchronized void fit(@Nullable Object trained, Instant now, Instant start) {
		requireFittable();
		this.trained = trained;
		this.fitRequested = now;
		this.trainingStart = start;
	}

	/**
	 * Request fit of a model whose files fail or are gone: it fails when they do.
	 * @param now when fit was requested
	 * @param failed when the files fail
	 */
	synchronized void fitFailingFiles(Instant now, Instant failed) {
		fit(null, now, failed);
		this.filesFailed = true;
	}

	private void requireFittable() {
		if (this.bound == null) {
			throw EmulatorException.badRequest("Model " + this.id + " has no datasets: bind them before fit");
		}
		if (this.fitRequested != null) {
			throw EmulatorException.badRequest("Model " + this.id + " is already training");
		}
	}

	/**
	 * Return the trained model, when the model is ready at a time.
	 * @param now the time
	 * @param trainingTime how long a model trains
	 * @return the trained model, {@code null} when it is not ready
	 */
	synchronized @Nullable Object trained(Instant now, Duration trainingTime) {
		return status(now, trainingTime).value().equals("Ready") ? this.trained : null;
	}

	synchronized Status status(Instant now, Duration trainingTime) {
		if (this.fitRequested == null || this.trainingStart == null) {
			return (this.bound != null) ? new Status("DatasetsLoaded", this.bound)
					: new Status("Created", this.created);
		}
		Instant end = this.filesFailed ? this.trainingStart : this.trainingStart.plus(trainingTime);
		if (!now.isBefore(end)) {
			return new Status((this.trained != null) ? "Ready" : "FitFailed", end);
		}
		String[] walk = { "TrainRequested", "InQueue", "Training" };
		long elapsed = Math.max(0, Duration.between(this.trainingStart, now).toNanos());
		long step = trainingTime.toNanos() / walk.length;
		int i = 0;
		while (i < walk.length - 1 && elapsed >= step * (i + 1)) {
			i++;
		}
		return new Status(walk[i], (i == 0) ? this.fitRequested : this.trainingStart.plusNanos(step * i));
	}

	record Status(String value, Instant since) {

	}

}

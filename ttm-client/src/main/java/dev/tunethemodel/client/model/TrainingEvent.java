package dev.tunethemodel.client.model;

import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * A step of {@link TuneTheModelOperations#trainWithProgress}, in the order they happen:
 * the model is created, both datasets are uploaded (with progress), processed and bound,
 * fit is requested, then the status changes until the model is {@link Ready}; a
 * classifier is then {@link Evaluated} on the validation examples.
 *
 * @since 0.1.0
 */
public sealed interface TrainingEvent {

	/**
	 * The model was created.
	 *
	 * @param model the new model
	 */
	record ModelCreated(Model model) implements TrainingEvent {

	}

	/**
	 * Examples of a dataset were read and checked; sent at least every 10,000 examples,
	 * and once more when the dataset is uploaded.
	 *
	 * @param dataset which dataset
	 * @param examples how many examples were read so far
	 * @param uploaded whether the whole dataset is uploaded
	 */
	record UploadProgress(Dataset dataset, long examples, boolean uploaded) implements TrainingEvent {

	}

	/**
	 * The API has processed both datasets: they are {@link FileStatus#READY}.
	 *
	 * @param training the training dataset file
	 * @param validation the validation dataset file
	 */
	record DatasetsProcessed(DatasetFile training, DatasetFile validation) implements TrainingEvent {

	}

	/**
	 * The datasets are bound to the model.
	 *
	 * @param model the model
	 */
	record DatasetsBound(Model model) implements TrainingEvent {

	}

	/**
	 * Training was requested.
	 *
	 * @param model the model as training was requested
	 */
	record FitRequested(Model model) implements TrainingEvent {

	}

	/**
	 * The model's status changed while it trains.
	 *
	 * @param model the model in its new status
	 */
	record StatusChanged(Model model) implements TrainingEvent {

	}

	/**
	 * The model is trained and ready; the last event of a generator.
	 *
	 * @param model the ready model
	 */
	record Ready(Model model) implements TrainingEvent {

	}

	/**
	 * The ready classifier was evaluated on the validation examples, read a second time;
	 * the last event of a classifier. Name its classes with
	 * {@link Evaluation#withLabels(ClassLabels)}.
	 *
	 * @param model the ready model
	 * @param evaluation how well it classifies the validation examples
	 */
	record Evaluated(Model model, Evaluation evaluation) implements TrainingEvent {

	}

	/**
	 * The two datasets of a training.
	 */
	enum Dataset {

		/**
		 * The dataset the model learns from.
		 */
		TRAINING,

		/**
		 * The dataset that measures how well it learned.
		 */
		VALIDATION

	}

}

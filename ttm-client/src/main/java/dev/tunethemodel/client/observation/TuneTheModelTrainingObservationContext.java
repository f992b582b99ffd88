package dev.tunethemodel.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext.Outcome;

/**
 * What an observation of a training knows: the type of model, its id once it is created,
 * and how the training ended.
 *
 * @since 0.1.0
 * @see TuneTheModelTrainingObservationConvention
 */
public class TuneTheModelTrainingObservationContext extends Observation.Context {

	private final ModelType modelType;

	private volatile @Nullable String modelId;

	private volatile Outcome outcome = Outcome.SUCCESS;

	/**
	 * Create the context of a training.
	 * @param modelType the type of model trained
	 */
	public TuneTheModelTrainingObservationContext(ModelType modelType) {
		this.modelType = modelType;
	}

	/**
	 * Return the type of model trained.
	 * @return the type
	 */
	public ModelType getModelType() {
		return this.modelType;
	}

	/**
	 * Return the id of the model, once it is created.
	 * @return the id, or {@code null} before the model is created
	 */
	public @Nullable String getModelId() {
		return this.modelId;
	}

	/**
	 * Set the id of the model trained.
	 * @param modelId the id
	 */
	public void setModelId(String modelId) {
		this.modelId = modelId;
	}

	/**
	 * Return how the training ended.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the training ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

}

package dev.tunethemodel.client.error;

import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;

/**
 * Thrown when a model's training fails: its status became {@link ModelStatus#FIT_FAILED}.
 *
 * @since 0.1.0
 */
public class TuneTheModelTrainingFailedException extends TuneTheModelException {

	private static final long serialVersionUID = 1L;

	private final transient Model model;

	/**
	 * Create an exception for a failed model.
	 * @param model the model whose training failed
	 */
	public TuneTheModelTrainingFailedException(Model model) {
		super("The training of model " + model.id() + " failed (status " + model.rawStatus() + ")");
		this.model = model;
	}

	/**
	 * Return the model whose training failed.
	 * @return the model, {@link ModelStatus#FIT_FAILED}
	 */
	public Model model() {
		return this.model;
	}

}

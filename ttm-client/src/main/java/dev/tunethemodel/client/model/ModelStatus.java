package dev.tunethemodel.client.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a model stands in its life cycle: created, given its datasets, training, ready to
 * use, or failed.
 *
 * @since 0.1.0
 */
public enum ModelStatus {

	/**
	 * Created, without datasets yet.
	 */
	CREATED("created"),

	/**
	 * Training and validation datasets are bound to the model.
	 */
	DATASETS_LOADED("datasetsloaded"),

	/**
	 * Everything needed for training is in place.
	 */
	READY_TO_FIT("readytofit"),

	/**
	 * Training was asked for.
	 */
	TRAIN_REQUESTED("trainrequested"),

	/**
	 * Waiting for a training slot.
	 */
	IN_QUEUE("inqueue"),

	/**
	 * Training.
	 */
	TRAINING("training"),

	/**
	 * Trained and ready to classify or generate.
	 */
	READY("ready"),

	/**
	 * Training failed.
	 */
	FIT_FAILED("fitfailed"),

	/**
	 * A status this client does not know; {@link Model#rawStatus()} holds the API's text.
	 */
	UNKNOWN("");

	private final String apiValue;

	ModelStatus(String apiValue) {
		this.apiValue = apiValue;
	}

	// the API's own spellings, looked up first: every response has them
	private static final class Usual {

		private static final Map<String, ModelStatus> SPELLINGS = Map.ofEntries(Map.entry("Created", CREATED),
				Map.entry("DatasetsLoaded", DATASETS_LOADED), Map.entry("ReadyToFit", READY_TO_FIT),
				Map.entry("TrainRequested", TRAIN_REQUESTED), Map.entry("InQueue", IN_QUEUE),
				Map.entry("Training", TRAINING), Map.entry("Ready", READY), Map.entry("FitFailed", FIT_FAILED),
				Map.entry("created", CREATED), Map.entry("datasetsloaded", DATASETS_LOADED),
				Map.entry("readytofit", READY_TO_FIT), Map.entry("trainrequested", TRAIN_REQUESTED),
				Map.entry("inqueue", IN_QUEUE), Map.entry("training", TRAINING), Map.entry("ready", READY),
				Map.entry("fitfailed", FIT_FAILED));

	}

	/**
	 * Return the status the API names, compared without case, spaces, dashes or
	 * underscores.
	 * @param apiValue the API's status text, may be {@code null}
	 * @return the status, {@link #UNKNOWN} when the text is missing or not known
	 */
	public static ModelStatus fromApiValue(@Nullable String apiValue) {
		ModelStatus usual = (apiValue != null) ? Usual.SPELLINGS.get(apiValue) : null;
		if (usual != null) {
			return usual;
		}
		String normalized = ApiSpellings.normalize(apiValue);
		for (ModelStatus status : values()) {
			if (status != UNKNOWN && status.apiValue.equals(normalized)) {
				return status;
			}
		}
		return UNKNOWN;
	}

}

package dev.tunethemodel.client.observation;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.tunethemodel.client.observation.TuneTheModelObservationDocumentation.TrainingHighCardinalityKeyNames;
import dev.tunethemodel.client.observation.TuneTheModelObservationDocumentation.TrainingLowCardinalityKeyNames;

/**
 * The default names and key values of the observations of trainings: the observation
 * {@value #NAME}, low-cardinality keys {@code tunethemodel.model.type}, {@code outcome}
 * and {@code error}, high-cardinality key {@code tunethemodel.model.id}.
 *
 * @since 0.1.0
 */
public class DefaultTuneTheModelTrainingObservationConvention implements TuneTheModelTrainingObservationConvention {

	/**
	 * The name of the observations, and of the timers that follow from them.
	 */
	public static final String NAME = "tunethemodel.training";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TuneTheModelTrainingObservationContext context) {
		return "tunethemodel training";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TuneTheModelTrainingObservationContext context) {
		Throwable error = context.getError();
		return KeyValues.of(
				TrainingLowCardinalityKeyNames.MODEL_TYPE
					.withValue(context.getModelType().name().toLowerCase(Locale.ROOT)),
				TrainingLowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome().name()),
				TrainingLowCardinalityKeyNames.ERROR
					.withValue((error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TuneTheModelTrainingObservationContext context) {
		String modelId = context.getModelId();
		return (modelId != null) ? KeyValues.of(TrainingHighCardinalityKeyNames.MODEL_ID.withValue(modelId))
				: KeyValues.empty();
	}

}

package dev.tunethemodel.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.tunethemodel.client.observation.TuneTheModelObservationDocumentation.OperationHighCardinalityKeyNames;
import dev.tunethemodel.client.observation.TuneTheModelObservationDocumentation.OperationLowCardinalityKeyNames;

/**
 * The default names and key values of the observations of the client's operations: the
 * observation {@value #NAME}, low-cardinality keys {@code tunethemodel.operation},
 * {@code outcome} and {@code error}, high-cardinality keys {@code tunethemodel.model.id}
 * or {@code tunethemodel.file.id} and {@code tunethemodel.attempts}.
 *
 * @since 0.1.0
 */
public class DefaultTuneTheModelObservationConvention implements TuneTheModelObservationConvention {

	/**
	 * The name of the observations, and of the timer that follows from them.
	 */
	public static final String NAME = "tunethemodel.client.operation";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TuneTheModelObservationContext context) {
		return "tunethemodel " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TuneTheModelObservationContext context) {
		Throwable error = context.getError();
		return KeyValues.of(OperationLowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
				OperationLowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome().name()),
				OperationLowCardinalityKeyNames.ERROR
					.withValue((error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TuneTheModelObservationContext context) {
		KeyValues keyValues = KeyValues
			.of(OperationHighCardinalityKeyNames.ATTEMPTS.withValue(String.valueOf(context.getAttempts())));
		String modelId = context.getModelId();
		if (modelId != null) {
			keyValues = keyValues.and(OperationHighCardinalityKeyNames.MODEL_ID.withValue(modelId));
		}
		String fileId = context.getFileId();
		if (fileId != null) {
			keyValues = keyValues.and(OperationHighCardinalityKeyNames.FILE_ID.withValue(fileId));
		}
		return keyValues;
	}

}

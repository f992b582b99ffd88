package dev.tunethemodel.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

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

	private static final String NONE = "none";

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
		return KeyValues.of(KeyValue.of("tunethemodel.operation", context.getOperation()),
				KeyValue.of("outcome", context.getOutcome().name()),
				KeyValue.of("error", (error != null) ? error.getClass().getSimpleName() : NONE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TuneTheModelObservationContext context) {
		KeyValues keyValues = KeyValues.of("tunethemodel.attempts", String.valueOf(context.getAttempts()));
		if (context.getModelId() != null) {
			keyValues = keyValues.and("tunethemodel.model.id", context.getModelId());
		}
		if (context.getFileId() != null) {
			keyValues = keyValues.and("tunethemodel.file.id", context.getFileId());
		}
		return keyValues;
	}

}

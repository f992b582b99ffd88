package dev.tunethemodel.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the observations of trainings. Implement it, or extend
 * {@link DefaultTuneTheModelTrainingObservationConvention}, to change them; in a Spring
 * Boot application, a bean of it replaces the default.
 *
 * @since 0.1.0
 */
public interface TuneTheModelTrainingObservationConvention
		extends ObservationConvention<TuneTheModelTrainingObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TuneTheModelTrainingObservationContext;
	}

}

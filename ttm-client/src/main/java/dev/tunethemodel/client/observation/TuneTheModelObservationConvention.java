package dev.tunethemodel.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the observations of the client's operations. Implement it,
 * or extend {@link DefaultTuneTheModelObservationConvention}, to change them; in a Spring
 * Boot application, a bean of it replaces the default.
 *
 * @since 0.1.0
 */
public interface TuneTheModelObservationConvention extends ObservationConvention<TuneTheModelObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TuneTheModelObservationContext;
	}

}
